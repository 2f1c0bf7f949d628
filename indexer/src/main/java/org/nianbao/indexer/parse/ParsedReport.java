package org.nianbao.indexer.parse;

import java.util.List;
import java.util.Map;

/**
 * One annual report's metadata and statistical tables as typed fields: the hand-over from parsing
 * to the index. Keys and value order follow {@code shared/corpus/truth/*.json}, so results can be
 * compared mechanically.
 *
 * <p>Table values: a {@code null} element is a printed blank cell; a key that is absent is a row the
 * parser could not read (named in {@code warnings}). Integers are {@link Long}, decimal amounts
 * (采购总金额) are {@link java.math.BigDecimal}.
 *
 * @param template   "2019", "2021", "pre2019" or "unknown" (decided from the tables, not the year)
 * @param agencyKind government | general_office | department | township
 * @param adminLevel province | city | county | township
 * @param table2     主动公开 rows, e.g. "行政许可" -> [上一年项目数量, 本年增/减, 处理决定数量]
 * @param procurementUnit the unit printed for 采购总金额 (e.g. "万元"), or null
 * @param table3     依申请公开 rows, e.g. "新收" -> 7 columns [自然人 … 总计]
 * @param table4     15 values: 行政复议 ×5, 行政诉讼 未经复议直接起诉 ×5, 复议后起诉 ×5
 * @param checks     the tables' own arithmetic (勾稽关系), evaluated, never "fixed"
 */
public record ParsedReport(
        String title,
        String agency,
        String agencyKind,
        String adminLevel,
        String regionProvince,
        String regionCity,
        String regionCounty,
        String divisionCode,
        Integer reportYear,
        String portalUrl,
        String template,
        Map<String, List<Number>> table2,
        String procurementUnit,
        Map<String, List<Long>> table3,
        List<Long> table4,
        List<Check> checks,
        List<String> warnings) {

    /** One arithmetic identity of the tables and whether the printed figures satisfy it. */
    public record Check(String name, boolean holds, String detail) {
    }

    /** True when every check holds (also true when there was nothing to check). */
    public boolean checksHold() {
        return checks.stream().allMatch(Check::holds);
    }
}
