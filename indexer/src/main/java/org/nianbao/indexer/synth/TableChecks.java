package org.nianbao.indexer.synth;

import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.parse.ParsedReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables' own arithmetic (勾稽关系) evaluated on generated figures, blanks read as 0. */
final class TableChecks {

    private TableChecks() {
    }

    static List<ParsedReport.Check> evaluate(Map<String, List<Long>> t3, List<Long> t4) {
        List<ParsedReport.Check> checks = new ArrayList<>();
        List<String> balance = new ArrayList<>();
        List<String> rowsToTotal = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            long lhs = v(t3, "新收", c) + v(t3, "上年结转", c);
            long rhs = v(t3, "总计", c) + v(t3, "结转下年度继续办理", c);
            if (lhs != rhs) balance.add(Figures.TABLE3_COLUMNS.get(c) + ": " + lhs + " != " + rhs);
            long results = 0;
            for (String row : Figures.TABLE3_ROWS.subList(2, 21)) results += v(t3, row, c);
            if (results != v(t3, "总计", c)) rowsToTotal.add(Figures.TABLE3_COLUMNS.get(c) + ": " + results + " != " + v(t3, "总计", c));
        }
        checks.add(new ParsedReport.Check("table3_balance_every_column", balance.isEmpty(), String.join("; ", balance)));
        checks.add(new ParsedReport.Check("table3_result_rows_sum_to_总计_row", rowsToTotal.isEmpty(), String.join("; ", rowsToTotal)));
        List<String> columns = new ArrayList<>();
        for (String row : Figures.TABLE3_ROWS) {
            long sum = 0;
            for (int c = 0; c < 6; c++) sum += v(t3, row, c);
            if (sum != v(t3, row, 6)) columns.add(row + ": " + sum + " != " + v(t3, row, 6));
        }
        checks.add(new ParsedReport.Check("table3_rows_sum_to_总计_column", columns.isEmpty(), String.join("; ", columns)));
        List<String> blocks = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            long sum = 0;
            for (int i = 0; i < 4; i++) sum += n(t4.get(b * 5 + i));
            if (sum != n(t4.get(b * 5 + 4))) blocks.add("block " + (b + 1) + ": " + sum + " != " + n(t4.get(b * 5 + 4)));
        }
        checks.add(new ParsedReport.Check("table4_blocks_sum_to_总计", blocks.isEmpty(), String.join("; ", blocks)));
        return checks;
    }

    private static long v(Map<String, List<Long>> t3, String row, int col) {
        List<Long> r = t3.get(row);
        return r == null ? 0 : n(r.get(col));
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }
}
