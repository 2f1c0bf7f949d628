package org.nianbao.indexer.parse;

import java.util.List;

/**
 * A printed table-3 figure whose column flattened text cannot determine: its cell is left null and
 * the value is kept here with the columns the tables' arithmetic still allows (truth key {@code table3_unplaced}).
 */
public record Unplaced(String row, long value, List<String> candidateColumns) {
    public Unplaced {
        candidateColumns = List.copyOf(candidateColumns);
    }
}
