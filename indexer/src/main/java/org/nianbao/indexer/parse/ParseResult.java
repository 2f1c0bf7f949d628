package org.nianbao.indexer.parse;

import java.util.List;

/** A parsed report plus the table-3 figures that could be read but not placed in a column. */
public record ParseResult(ParsedReport report, List<Unplaced> table3Unplaced) {
    public ParseResult {
        table3Unplaced = List.copyOf(table3Unplaced);
    }
}
