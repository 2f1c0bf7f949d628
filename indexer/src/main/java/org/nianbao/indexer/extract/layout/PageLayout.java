package org.nianbao.indexer.extract.layout;

import org.nianbao.indexer.extract.table.PlacedCell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One page's content in reading order: text lines outside tables, and ruled tables with the text
 * that falls inside each cell. Shared by the PDF text layer and OCR, which differ only in where the
 * text boxes and rulings come from.
 */
public final class PageLayout {
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–－~]?\\s*(第\\s*)?\\d{1,4}\\s*(页)?\\s*[-—–－~]?$");

    /** A table on a page, cells with text, still with its geometry for stitching across pages. */
    public record PageTable(int page, Grid grid, List<PlacedCell> cells) {
    }

    /** An element of the page in reading order: a line of text or a table. */
    public record Block(double top, String line, PageTable table) {
    }

    public record Page(int number, double height, List<Block> blocks) {
        public List<PageTable> tables() {
            return blocks.stream().filter(b -> b.table() != null).map(Block::table).toList();
        }
    }

    private PageLayout() {
    }

    public static Page lay(int pageNumber, double pageHeight, List<TextBox> boxes, List<Grid> grids) {
        List<List<TextBox>> perCell = new ArrayList<>();
        for (Grid g : grids) for (int i = 0; i < g.cells().size(); i++) perCell.add(new ArrayList<>());
        List<TextBox> outside = new ArrayList<>();
        for (TextBox b : boxes) {
            int offset = 0;
            boolean placed = false;
            for (Grid g : grids) {
                int c = g.cellAt(b.cx(), b.cy());
                if (c >= 0) {
                    perCell.get(offset + c).add(b);
                    placed = true;
                    break;
                }
                offset += g.cells().size();
            }
            if (!placed) outside.add(b);
        }
        List<Block> blocks = new ArrayList<>();
        int offset = 0;
        for (Grid g : grids) {
            List<PlacedCell> cells = new ArrayList<>();
            for (int i = 0; i < g.cells().size(); i++) {
                PlacedCell c = g.cells().get(i);
                cells.add(new PlacedCell(c.row(), c.col(), c.rowSpan(), c.colSpan(), cellText(perCell.get(offset + i)), pageNumber));
            }
            offset += g.cells().size();
            blocks.add(new Block(g.top(), null, new PageTable(pageNumber, g, cells)));
        }
        for (LineBuilder.Line l : LineBuilder.lines(outside)) {
            boolean margin = l.top() > pageHeight * 0.88 || l.bottom() < pageHeight * 0.10;
            if (margin && PAGE_NUMBER.matcher(l.text()).matches()) continue; // running page number
            blocks.add(new Block(l.top(), l.text(), null));
        }
        blocks.sort(java.util.Comparator.comparingDouble(Block::top));
        return new Page(pageNumber, pageHeight, blocks);
    }

    static String cellText(List<TextBox> boxes) {
        String out = "";
        for (LineBuilder.Line l : LineBuilder.lines(boxes)) out = CjkText.joinWrapped(out, l.text());
        return out;
    }
}
