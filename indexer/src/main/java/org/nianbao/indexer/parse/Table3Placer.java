package org.nianbao.indexer.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Puts the figures of flattened table-3 rows back into their columns. Flattened text drops blank
 * cells, so a row printing "5 1 6" could mean many placements; the table's own arithmetic (row sums
 * to 总计 column, result rows sum to the 总计 row, 新收 + 上年结转 = 总计 + 结转 per column) rules most
 * out. Among placements that satisfy every check, a cell is filled only when all of them agree;
 * otherwise it stays null and its figure is reported as unplaced with the columns still possible.
 */
final class Table3Placer {

    private static final int COLS = 7;
    private static final int MAX_NODES = 400_000;
    private static final int MAX_SOLUTIONS = 5_000;

    record Outcome(Map<String, List<Long>> table, List<Unplaced> unplaced, List<String> warnings) {
    }

    private final List<String> order;
    private final List<String> resultRows;

    /** @param order the table-3 keys in template order; resultRows those summing to 总计 */
    Table3Placer(List<String> order, List<String> resultRows) {
        this.order = order;
        this.resultRows = resultRows;
    }

    /**
     * @param fixed   rows whose 7 cells are known (null = blank)
     * @param partial rows known only as the figures printed, in order (fewer than 7)
     */
    Outcome place(Map<String, Long[]> fixed, Map<String, List<Long>> partial) {
        List<String> warnings = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        Map<String, List<Long[]>> candidates = new LinkedHashMap<>();
        for (String key : order) {
            if (fixed.containsKey(key)) candidates.put(key, List.<Long[]>of(fixed.get(key)));
            else if (partial.containsKey(key)) candidates.put(key, placements(partial.get(key)));
        }
        boolean[] truncated = {false};
        List<Map<String, Long[]>> solutions = partial.isEmpty() ? List.of() : solve(candidates, truncated);
        if (truncated[0]) {
            // Agreement among the placements seen so far proves nothing: place nothing rather than guess.
            warnings.add("table3: too many placements satisfy the checks to tell the columns apart");
            solutions = List.of();
        }
        if (!solutions.isEmpty()) {
            List<Map<String, Long[]>> plausible = solutions.stream().filter(Table3Placer::naturalPersonsPresent).toList();
            if (!plausible.isEmpty()) solutions = plausible;
        }
        Map<String, List<Long>> table = new LinkedHashMap<>();
        for (String key : order) {
            if (fixed.containsKey(key)) {
                table.put(key, Arrays.asList(fixed.get(key).clone()));
            } else if (partial.containsKey(key)) {
                table.put(key, settle(key, partial.get(key), solutions, unplaced, warnings));
            }
        }
        return new Outcome(table, unplaced, warnings);
    }

    private List<Long> settle(String key, List<Long> printed, List<Map<String, Long[]>> solutions,
                              List<Unplaced> unplaced, List<String> warnings) {
        Long[] cells = new Long[COLS];
        if (solutions.isEmpty()) {
            long applicants = printed.subList(0, printed.size() - 1).stream().mapToLong(Long::longValue).sum();
            boolean lastIsTotal = printed.size() >= 2 && applicants == printed.getLast();
            if (lastIsTotal) cells[COLS - 1] = printed.getLast();
            List<Long> loose = lastIsTotal ? printed.subList(0, printed.size() - 1) : printed;
            List<String> columns = lastIsTotal ? Templates.TABLE3_COLUMNS.subList(0, COLS - 1) : Templates.TABLE3_COLUMNS;
            for (Long v : loose) unplaced.add(new Unplaced(key, v, columns));
            warnings.add("table3 " + key + ": printed " + printed + " without blank cells and no placement satisfies the checks; "
                    + (lastIsTotal ? "kept the row total, " : "") + "left the other cells null");
            return Arrays.asList(cells);
        }
        // Which column each printed figure lands in, across all placements that satisfy the checks.
        List<TreeSet<Integer>> columnsOf = new ArrayList<>();
        for (int j = 0; j < printed.size(); j++) columnsOf.add(new TreeSet<>());
        for (Map<String, Long[]> s : solutions) {
            Long[] row = s.get(key);
            int j = 0;
            for (int c = 0; c < COLS && j < printed.size(); c++) {
                if (row[c] != null) columnsOf.get(j++).add(c);
            }
        }
        for (int j = 0; j < printed.size(); j++) {
            TreeSet<Integer> cols = columnsOf.get(j);
            if (cols.size() == 1) {
                cells[cols.first()] = printed.get(j);
            } else {
                List<String> names = cols.stream().map(Templates.TABLE3_COLUMNS::get).toList();
                unplaced.add(new Unplaced(key, printed.get(j), names));
                warnings.add("table3 " + key + ": printed value " + printed.get(j) + " could be in any of "
                        + String.join("/", names) + "; left null");
            }
        }
        return Arrays.asList(cells);
    }

    /** Every order-keeping way to put the printed figures into 7 columns that satisfies the row's own sum. */
    static List<Long[]> placements(List<Long> printed) {
        List<Long[]> out = new ArrayList<>();
        int k = printed.size();
        if (k == 0 || k > COLS) return out;
        int[] idx = new int[k];
        choose(printed, idx, 0, 0, out);
        return out;
    }

    private static void choose(List<Long> printed, int[] idx, int j, int from, List<Long[]> out) {
        if (j == idx.length) {
            Long[] row = new Long[COLS];
            for (int t = 0; t < idx.length; t++) row[idx[t]] = printed.get(t);
            long sum = 0;
            for (int c = 0; c < COLS - 1; c++) sum += row[c] == null ? 0 : row[c];
            if (sum == (row[COLS - 1] == null ? 0 : row[COLS - 1])) out.add(row);
            return;
        }
        for (int c = from; c <= COLS - (idx.length - j); c++) {
            idx[j] = c;
            choose(printed, idx, j + 1, c + 1, out);
        }
    }

    private List<Map<String, Long[]>> solve(Map<String, List<Long[]>> candidates, boolean[] truncated) {
        // Totals and the balance rows first, so the result rows can be pruned against the 总计 row.
        List<String> vars = new ArrayList<>();
        for (String k : List.of("总计", "新收", "上年结转", "结转下年度继续办理")) if (candidates.containsKey(k)) vars.add(k);
        for (String k : resultRows) if (candidates.containsKey(k)) vars.add(k);
        if (!candidates.containsKey("总计")) return List.of();
        boolean nonNegative = candidates.values().stream().flatMap(List::stream).flatMap(Arrays::stream)
                .allMatch(v -> v == null || v >= 0);
        List<Map<String, Long[]>> solutions = new ArrayList<>();
        Long[][] chosen = new Long[vars.size()][];
        int[] nodes = {0};
        search(vars, candidates, chosen, 0, new long[COLS], nonNegative, solutions, nodes);
        truncated[0] = solutions.size() >= MAX_SOLUTIONS || nodes[0] > MAX_NODES;
        return solutions;
    }

    private void search(List<String> vars, Map<String, List<Long[]>> candidates, Long[][] chosen, int i, long[] resultSum,
                        boolean prune, List<Map<String, Long[]>> solutions, int[] nodes) {
        if (solutions.size() >= MAX_SOLUTIONS || ++nodes[0] > MAX_NODES) return;
        if (i == vars.size()) {
            Map<String, Long[]> s = new LinkedHashMap<>();
            for (int t = 0; t < vars.size(); t++) s.put(vars.get(t), chosen[t]);
            if (balanced(s) && resultsMatch(s, resultSum)) solutions.add(s);
            return;
        }
        String key = vars.get(i);
        boolean isResult = resultRows.contains(key);
        Long[] total = chosen[0];
        for (Long[] row : candidates.get(key)) {
            if (isResult) {
                boolean over = false;
                for (int c = 0; c < COLS; c++) {
                    resultSum[c] += v(row[c]);
                    if (prune && resultSum[c] > v(total[c])) over = true;
                }
                if (!over) {
                    chosen[i] = row;
                    search(vars, candidates, chosen, i + 1, resultSum, prune, solutions, nodes);
                }
                for (int c = 0; c < COLS; c++) resultSum[c] -= v(row[c]);
            } else {
                chosen[i] = row;
                if (i + 1 < vars.size() && !resultRows.contains(vars.get(i + 1)) || balancedSoFar(vars, chosen, i)) {
                    search(vars, candidates, chosen, i + 1, resultSum, prune, solutions, nodes);
                }
            }
        }
    }

    private boolean balancedSoFar(List<String> vars, Long[][] chosen, int i) {
        Map<String, Long[]> s = new LinkedHashMap<>();
        for (int t = 0; t <= i; t++) s.put(vars.get(t), chosen[t]);
        return balanced(s);
    }

    private static boolean balanced(Map<String, Long[]> s) {
        Long[] total = s.get("总计");
        Long[] in = s.get("新收");
        if (total == null || in == null) return true;
        Long[] prev = s.get("上年结转");
        Long[] next = s.get("结转下年度继续办理");
        for (int c = 0; c < COLS; c++) {
            if (v(in[c]) + (prev == null ? 0 : v(prev[c])) != v(total[c]) + (next == null ? 0 : v(next[c]))) return false;
        }
        return true;
    }

    private boolean resultsMatch(Map<String, Long[]> s, long[] resultSum) {
        if (resultRows.stream().noneMatch(s::containsKey)) return true;
        Long[] total = s.get("总计");
        for (int c = 0; c < COLS; c++) if (resultSum[c] != v(total[c])) return false;
        return true;
    }

    /** Natural persons file most applications: a placement leaving the 自然人 column empty while others are filled is implausible. */
    private static boolean naturalPersonsPresent(Map<String, Long[]> s) {
        boolean anyApplicant = false;
        for (Long[] row : s.values()) {
            if (row[0] != null && row[0] != 0) return true;
            for (int c = 1; c < COLS - 1; c++) if (row[c] != null && row[c] != 0) anyApplicant = true;
        }
        return !anyApplicant;
    }

    private static long v(Long x) {
        return x == null ? 0 : x;
    }
}
