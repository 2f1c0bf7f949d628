package org.nianbao.indexer.extract.word;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractedDocument.Table;
import org.nianbao.indexer.extract.ExtractionContext;
import org.nianbao.indexer.extract.ExtractionException;
import org.nianbao.indexer.extract.Format;
import org.nianbao.indexer.extract.FormatExtractor;
import org.nianbao.indexer.extract.table.PlacedCell;
import org.nianbao.indexer.extract.table.TableAssembler;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Word 97–2003 {@code .doc} and WPS {@code .wps} (the same OLE2 Word format) via POI HWPF. Table cells
 * carry only their edges, so the grid columns are the distinct cell edges of the whole table, and a
 * cell spans the grid columns between its edges; vertical merges come from the cells' merge flags.
 */
public final class DocExtractor implements FormatExtractor {
    private final Format format;

    public DocExtractor(Format format) {
        this.format = format;
    }

    @Override
    public ExtractedDocument extract(byte[] bytes, ExtractionContext ctx) throws Exception {
        HWPFDocument doc;
        try {
            POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
            // A password-protected DOCX travels inside an OLE2 container next to its EncryptionInfo.
            if (fs.getRoot().hasEntry("EncryptionInfo")) throw new ExtractionException("encrypted: password-protected Office document");
            doc = new HWPFDocument(fs);
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new ExtractionException("encrypted: " + format.id() + " is password protected");
        }
        try (doc) {
            Range range = doc.getRange();
            StringBuilder text = new StringBuilder();
            List<Table> tables = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            int n = range.numParagraphs();
            for (int i = 0; i < n; i++) {
                if (ctx.budget().exhausted()) {
                    warnings.add("time budget of " + ctx.budget().total() + " spent; rest of the document skipped");
                    break;
                }
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    org.apache.poi.hwpf.usermodel.Table t = range.getTable(p);
                    Table table = table(t);
                    tables.add(table);
                    text.append(TableAssembler.asText(table));
                    i += t.numParagraphs() - 1;
                    continue;
                }
                String s = clean(p.text());
                if (!s.isEmpty()) text.append(s).append('\n');
            }
            String title = doc.getSummaryInformation() == null ? null : doc.getSummaryInformation().getTitle();
            int pages = doc.getSummaryInformation() == null ? 0 : doc.getSummaryInformation().getPageCount();
            return new ExtractedDocument(format.id(), title == null || title.isBlank() ? null : title.strip(),
                    text.toString().stripTrailing(), tables, Math.max(1, pages), "markup", warnings, null, List.of());
        }
    }

    static Table table(org.apache.poi.hwpf.usermodel.Table t) {
        // Grid columns from all cell edges (twips), merged when closer than a few twips.
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                edges.add(cell.getLeftEdge());
                edges.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> grid = new ArrayList<>();
        for (int e : edges) if (grid.isEmpty() || e - grid.getLast() > 20) grid.add(e);

        List<PlacedCell> cells = new ArrayList<>();
        int[] openAt = new int[grid.size()];
        java.util.Arrays.fill(openAt, -1);
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int from = nearest(grid, cell.getLeftEdge());
                int to = nearest(grid, cell.getLeftEdge() + cell.getWidth());
                int span = Math.max(1, to - from);
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged() && openAt[from] >= 0) {
                    PlacedCell o = cells.get(openAt[from]);
                    cells.set(openAt[from], new PlacedCell(o.row(), o.col(), o.rowSpan() + 1, o.colSpan(), o.text(), 0));
                    continue;
                }
                if (cell.isMerged() && !cell.isFirstMerged()) continue; // old-style horizontal merge: absorbed left
                cells.add(new PlacedCell(r, from, 1, span, cellText(cell), 0));
                openAt[from] = cell.isFirstVerticallyMerged() ? cells.size() - 1 : -1;
            }
        }
        return TableAssembler.assemble(cells);
    }

    private static int nearest(List<Integer> grid, int x) {
        int best = 0;
        for (int i = 1; i < grid.size(); i++) if (Math.abs(grid.get(i) - x) < Math.abs(grid.get(best) - x)) best = i;
        return best;
    }

    private static String cellText(TableCell cell) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cell.numParagraphs(); i++) {
            String s = clean(cell.getParagraph(i).text());
            if (!s.isEmpty()) parts.add(s);
        }
        return String.join(" ", parts);
    }

    /** Drops Word's control characters (cell and row marks, field codes' markers) and trims. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\t') sb.append(' ');
            else if (ch >= 0x20 && ch != 0x7F) sb.append(ch);
        }
        return sb.toString().strip();
    }
}
