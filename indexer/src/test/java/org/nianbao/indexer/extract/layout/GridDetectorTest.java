package org.nianbao.indexer.extract.layout;

import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument.Cell;
import org.nianbao.indexer.extract.ExtractedDocument.Table;
import org.nianbao.indexer.extract.table.PlacedCell;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GridDetectorTest {
    private final GridDetector detector = new GridDetector(2);

    /** Rulings of a 3×3 grid at 0/10/20/30 both ways, minus the given interior segments. */
    private static List<Ruling> grid(boolean mergeTopRow, boolean mergeLeftColumn) {
        List<Ruling> r = new ArrayList<>();
        for (int y : new int[] {0, 30}) r.add(new Ruling(true, y, 0, 30));
        for (int x : new int[] {0, 30}) r.add(new Ruling(false, x, 0, 30));
        // inner horizontals at y=10 and y=20, drawn cell by cell as Word does
        for (int y : new int[] {10, 20}) {
            for (int x = 0; x < 30; x += 10) {
                if (mergeLeftColumn && x == 0 && y == 20) continue; // rows 2 and 3 of the first column are one cell
                r.add(new Ruling(true, y, x, x + 10));
            }
        }
        for (int x : new int[] {10, 20}) {
            for (int y = 0; y < 30; y += 10) {
                if (mergeTopRow && y == 0) continue;
                r.add(new Ruling(false, x, y, y + 10));
            }
        }
        return r;
    }

    @Test
    void unbrokenGridGivesOneCellPerUnit() {
        List<Grid> grids = detector.detect(grid(false, false));

        assertThat(grids).hasSize(1);
        assertThat(grids.getFirst().cells()).hasSize(9).allMatch(c -> c.rowSpan() == 1 && c.colSpan() == 1);
    }

    @Test
    void missingRulingsBecomeMergedCells() {
        Grid g = detector.detect(grid(true, true)).getFirst();

        assertThat(g.cells()).contains(new PlacedCell(0, 0, 1, 3, "", 0), new PlacedCell(1, 0, 2, 1, "", 0));
        assertThat(g.cells()).hasSize(1 + 1 + 4);
    }

    @Test
    void textFallsIntoTheCellUnderItsCentre() {
        Grid g = detector.detect(grid(true, false)).getFirst();
        List<TextBox> boxes = List.of(new TextBox(12, 2, 6, 5, "表头"), new TextBox(22, 12, 4, 5, "9"),
                new TextBox(2, 40, 4, 5, "正文"));

        PageLayout.Page page = PageLayout.lay(1, 100, boxes, List.of(g));
        Table t = new TableStitcher(2).stitch(List.of(page)).getFirst();

        assertThat(t.rows().get(0)).containsExactly(new Cell("表头", 1, 3, 1));
        assertThat(t.rows().get(1)).containsExactly(new Cell("", 1, 1, 1), new Cell("", 1, 1, 1), new Cell("9", 1, 1, 1));
        assertThat(page.blocks().getLast().line()).isEqualTo("正文");
    }

    @Test
    void tableCutByAPageBreakIsJoinedAndItsTallLabelMended() {
        // page 1: a tall label (rows 1-2) and figures; page 2: the label's empty continuation and one more row
        Grid top = new Grid(new double[] {0, 10, 20}, new double[] {80, 90, 100},
                List.of(new PlacedCell(0, 0, 2, 1, "", 0), new PlacedCell(0, 1, 1, 1, "", 0), new PlacedCell(1, 1, 1, 1, "", 0)));
        Grid bottom = new Grid(new double[] {0, 10, 20}, new double[] {5, 15},
                List.of(new PlacedCell(0, 0, 1, 1, "", 0), new PlacedCell(0, 1, 1, 1, "", 0)));
        PageLayout.Page p1 = PageLayout.lay(1, 100, List.of(new TextBox(0, 10, 20, 5, "标题"), new TextBox(2, 87, 3, 4, "办理结果"),
                new TextBox(12, 82, 3, 4, "1"), new TextBox(12, 92, 3, 4, "2")), List.of(top));
        PageLayout.Page p2 = PageLayout.lay(2, 100, List.of(new TextBox(12, 8, 3, 4, "3"), new TextBox(0, 50, 10, 5, "结尾")), List.of(bottom));

        List<Table> tables = new TableStitcher(2).stitch(List.of(p1, p2));

        assertThat(tables).hasSize(1);
        assertThat(tables.getFirst().rows()).containsExactly(
                List.of(new Cell("办理结果", 3, 1, 1), new Cell("1", 1, 1, 1)),
                List.of(new Cell("2", 1, 1, 1)),
                List.of(new Cell("3", 1, 1, 2)));
    }
}
