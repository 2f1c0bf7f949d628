package org.nianbao.indexer.parse;

import org.nianbao.seeds.Unit;

/**
 * What the caller already knows about a report before reading it. Any part may be null.
 *
 * @param unitName     the seed unit whose portal published the report, e.g. 平罗县人民政府
 * @param divisionCode the seed unit's GB/T 2260 code, if known
 * @param url          where the report was fetched from (for messages; the printed portal URL is read from the text)
 */
public record ParseHints(String unitName, String divisionCode, String url) {

    public static ParseHints none() {
        return new ParseHints(null, null, null);
    }

    public static ParseHints of(Unit unit, String url) {
        return unit == null ? new ParseHints(null, null, url) : new ParseHints(unit.name(), unit.divisionCode(), url);
    }
}
