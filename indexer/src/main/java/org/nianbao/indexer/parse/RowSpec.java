package org.nianbao.indexer.parse;

import java.util.List;

/**
 * One row of a standard table: its output key, the label fragments that identify it (compact form:
 * NFKC, no whitespace, no quotes), and how many values it carries.
 */
record RowSpec(String key, List<String> patterns, int width) {

    static RowSpec of(String key, int width, String... patterns) {
        return new RowSpec(key, List.of(patterns), width);
    }
}
