package org.nianbao.runs.changes;

import java.util.List;

/**
 * What changed between two versions of a document.
 *
 * @param textDiff     unified diff of the extracted text (one line per paragraph), "---/+++/@@" lines included
 * @param linesRemoved lines only in the old version
 * @param linesAdded   lines only in the new version
 * @param cells        table cells whose text differs, or that exist in one version only
 */
public record ChangeDiff(List<String> textDiff, int linesRemoved, int linesAdded, List<CellChange> cells) {

    public ChangeDiff {
        textDiff = List.copyOf(textDiff);
        cells = List.copyOf(cells);
    }

    /**
     * One table cell that differs.
     *
     * @param table  table number in the document, from 1
     * @param row    row number, from 1
     * @param column column number, from 1
     * @param label  the row's first cell (what the figure is), for people
     * @param before old text, or null when the cell is new
     * @param after  new text, or null when the cell is gone
     */
    public record CellChange(int table, int row, int column, String label, String before, String after) {
    }
}
