package org.nianbao.indexer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tables' own arithmetic (勾稽关系), evaluated on the printed figures with blank cells read as 0.
 * A failed check is a finding about the report, never a reason to change a figure. Where a figure
 * could not be placed in one 法人 column, the five 法人 columns are checked together.
 */
final class ChecksEvaluator {

    static final String BALANCE_TOTAL = "table3_balance_总计_column";
    static final String BALANCE_EVERY = "table3_balance_every_column";
    static final String RESULTS_SUM = "table3_result_rows_sum_to_总计_row";
    static final String ROWS_SUM = "table3_rows_sum_to_总计_column";
    static final String TABLE4_BLOCKS = "table4_blocks_sum_to_总计";

    private static final int TOTAL = 6;

    /** Set per evaluation: whether an unplaced figure might belong to 自然人 (then all applicant columns go together). */
    private boolean unplacedMayBeNatural;

    List<ParsedReport.Check> evaluate(Map<String, List<Long>> table3, List<Unplaced> unplaced, List<String> resultRows,
                                      List<Long> table4, List<String> warnings) {
        List<ParsedReport.Check> checks = new ArrayList<>();
        if (table3 != null && !table3.isEmpty()) table3Checks(table3, unplaced, resultRows, checks, warnings);
        if (table4 != null && table4.size() == 15) checks.add(table4Blocks(table4));
        return checks;
    }

    private void table3Checks(Map<String, List<Long>> t, List<Unplaced> unplaced, List<String> resultRows,
                              List<ParsedReport.Check> checks, List<String> warnings) {
        boolean merged = !unplaced.isEmpty();
        unplacedMayBeNatural = unplaced.stream().anyMatch(u -> u.candidateColumns().contains("自然人"));
        List<String> balanceRows = List.of("新收", "上年结转", "总计", "结转下年度继续办理");
        List<String> missing = balanceRows.stream().filter(k -> !t.containsKey(k)).toList();
        if (missing.isEmpty()) {
            long in = cell(t, "新收", TOTAL), prev = cell(t, "上年结转", TOTAL), done = cell(t, "总计", TOTAL),
                    next = cell(t, "结转下年度继续办理", TOTAL);
            checks.add(new ParsedReport.Check(BALANCE_TOTAL, in + prev == done + next,
                    "新收 %d + 上年结转 %d = %d; 总计 %d + 结转下年度继续办理 %d = %d (blank cells read as 0)"
                            .formatted(in, prev, in + prev, done, next, done + next)));
            List<String> failures = new ArrayList<>();
            for (Group g : groups(merged)) {
                long lhs = g.sum(t, "新收", unplaced) + g.sum(t, "上年结转", unplaced);
                long rhs = g.sum(t, "总计", unplaced) + g.sum(t, "结转下年度继续办理", unplaced);
                if (lhs != rhs) failures.add("%s: %d ≠ %d".formatted(g.name, lhs, rhs));
            }
            checks.add(new ParsedReport.Check(BALANCE_EVERY, failures.isEmpty(), failures.isEmpty()
                    ? "新收 + 上年结转 = 总计 + 结转下年度继续办理 in every column" + (merged ? " (法人 columns checked together)" : "")
                    : String.join("; ", failures)));
        } else {
            warnings.add("table3 balance not checked: rows missing " + missing);
        }
        List<String> presentResults = resultRows.stream().filter(t::containsKey).toList();
        if (t.containsKey("总计") && presentResults.size() == resultRows.size()) {
            List<String> failures = new ArrayList<>();
            for (Group g : groups(merged)) {
                long sum = 0;
                for (String r : resultRows) sum += g.sum(t, r, unplaced);
                long total = g.sum(t, "总计", unplaced);
                if (sum != total) failures.add("%s: results %d ≠ 总计 %d".formatted(g.name, sum, total));
            }
            checks.add(new ParsedReport.Check(RESULTS_SUM, failures.isEmpty(),
                    failures.isEmpty() ? "the result rows sum to 总计 in every column" : String.join("; ", failures)));
        } else {
            warnings.add("table3 result rows not checked: rows missing");
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : t.entrySet()) {
            long sum = 0;
            for (int c = 0; c < TOTAL; c++) sum += v(e.getValue().get(c));
            for (Unplaced u : unplaced) if (u.row().equals(e.getKey()) && !u.candidateColumns().contains("总计")) sum += u.value();
            long total = v(e.getValue().get(TOTAL));
            if (sum != total) failures.add("%s: %d ≠ 总计 %d".formatted(e.getKey(), sum, total));
        }
        checks.add(new ParsedReport.Check(ROWS_SUM, failures.isEmpty(),
                failures.isEmpty() ? "自然人 + 法人或其他组织 = 总计 in every row" : String.join("; ", failures)));
    }

    private static ParsedReport.Check table4Blocks(List<Long> t4) {
        String[] names = {"行政复议", "行政诉讼.未经复议直接起诉", "行政诉讼.复议后起诉"};
        List<String> failures = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            long sum = 0;
            for (int i = 0; i < 4; i++) sum += v(t4.get(b * 5 + i));
            long total = v(t4.get(b * 5 + 4));
            if (sum != total) failures.add("%s: %d ≠ 总计 %d".formatted(names[b], sum, total));
        }
        return new ParsedReport.Check(TABLE4_BLOCKS, failures.isEmpty(),
                failures.isEmpty() ? "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 in each block" : String.join("; ", failures));
    }

    /** A column, or the five 法人 columns together when a figure sits in one of them unplaced. */
    private record Group(String name, List<Integer> columns, boolean takesUnplaced) {
        long sum(Map<String, List<Long>> t, String row, List<Unplaced> unplaced) {
            List<Long> cells = t.get(row);
            long s = 0;
            if (cells != null) for (int c : columns) s += v(cells.get(c));
            if (takesUnplaced) {
                for (Unplaced u : unplaced) if (u.row().equals(row) && !u.candidateColumns().contains("总计")) s += u.value();
            }
            return s;
        }
    }

    private List<Group> groups(boolean merged) {
        List<Group> gs = new ArrayList<>();
        if (merged && unplacedMayBeNatural) {
            gs.add(new Group("自然人 + 法人或其他组织", List.of(0, 1, 2, 3, 4, 5), true));
        } else if (merged) {
            gs.add(new Group("自然人", List.of(0), false));
            gs.add(new Group("法人或其他组织", List.of(1, 2, 3, 4, 5), true));
        } else {
            gs.add(new Group("自然人", List.of(0), false));
            for (int c = 1; c < 6; c++) gs.add(new Group(Templates.TABLE3_COLUMNS.get(c), List.of(c), false));
        }
        gs.add(new Group("总计", List.of(TOTAL), false));
        return gs;
    }

    private static long cell(Map<String, List<Long>> t, String row, int c) {
        return v(t.get(row).get(c));
    }

    private static long v(Long x) {
        return x == null ? 0 : x;
    }
}
