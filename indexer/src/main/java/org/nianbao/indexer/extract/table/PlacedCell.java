package org.nianbao.indexer.extract.table;

/** A cell at a known grid position (0-based row and column), as layout-based extractors find it. */
public record PlacedCell(int row, int col, int rowSpan, int colSpan, String text, int page) {
}
