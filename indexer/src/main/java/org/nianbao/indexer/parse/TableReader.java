package org.nianbao.indexer.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the three statistical tables (主动公开, 依申请公开, 行政复议/诉讼) from lines — real table rows
 * or flattened text — and decides which template they follow.
 */
final class TableReader {

    /** What was read: absent tables are null. */
    record Tables(String template, Map<String, List<Number>> table2, String procurementUnit,
                  Map<String, List<Long>> table3, List<Unplaced> unplaced, List<String> resultRows,
                  List<Long> table4, List<String> warnings) {
    }

    Tables read(List<Line> lines) {
        List<String> warnings = new ArrayList<>();
        RowLocator loc = new RowLocator(lines);
        int end = loc.length();
        String c = loc.compact();

        int t3Start = loc.find(0, end, "本年新收", "新收政府信息公开申请数量");
        int t2Start = loc.find(0, t3Start < 0 ? end : t3Start, "第二十条第(一)项", "第二十条第一项");
        if (t2Start < 0) t2Start = loc.find(0, t3Start < 0 ? end : t3Start, "信息内容");
        int t4Start = t3Start < 0 && t2Start < 0 ? -1 : loc.find(Math.max(t3Start, t2Start), end, "行政复议");

        String t3Region = t3Start < 0 ? "" : c.substring(t3Start, t4Start < 0 ? end : t4Start);
        String t2Region = t2Start < 0 ? "" : c.substring(t2Start, t3Start < 0 ? Math.min(end, t2Start + 4000) : t3Start);
        boolean t3Is2021 = t3Region.contains("逾期不补正") || t3Region.contains("缴纳费用");
        boolean t2Is2021 = t2Region.contains("制发件数") || t2Region.contains("现行有效件数") || t2Region.contains("本年收费金额")
                || t2Region.contains("废止件数");
        boolean t2Is2019 = t2Region.contains("新制作数量") || t2Region.contains("采购项目数量") || t2Region.contains("上一年项目数量");
        String template;
        if (t3Start < 0 && t2Start < 0) template = Templates.UNKNOWN;
        else if (t3Is2021 || (t2Is2021 && t3Start < 0)) template = Templates.T2021;
        else template = Templates.T2019;
        if (t3Start >= 0 && t2Start >= 0 && (t3Is2021 != t2Is2021) && (t2Is2021 || t2Is2019)) {
            warnings.add("table 2 follows the " + (t2Is2021 ? "2021" : "2019") + " layout but table 3 the "
                    + (t3Is2021 ? "2021" : "2019") + " layout; read each in its own");
        }

        Map<String, List<Number>> table2 = null;
        String unit = null;
        if (t2Start >= 0) {
            List<RowSpec> specs = t2Is2021 || (!t2Is2019 && t3Is2021) ? Templates.TABLE2_2021 : Templates.TABLE2_2019;
            RowLocator.Found found = loc.locate(specs, t2Start, t3Start < 0 ? end : t3Start);
            table2 = new LinkedHashMap<>();
            for (RowSpec spec : specs) {
                List<Line> rowLines = found.rows().get(spec.key());
                if (rowLines == null) {
                    warnings.add("table2 " + spec.key() + ": row not found");
                    continue;
                }
                Optional<List<PrintedNumber>> values = table2Values(rowLines, spec.width());
                if (values.isEmpty()) {
                    warnings.add("table2 " + spec.key() + ": expected " + spec.width() + " figures, could not read them");
                    continue;
                }
                List<Number> row = new ArrayList<>();
                for (PrintedNumber n : values.get()) {
                    row.add(n == null ? null : n.value());
                    if (n != null && n.unit() != null && spec.key().equals("政府集中采购")) unit = n.unit();
                }
                table2.put(spec.key(), row);
            }
            if (unit == null && table2.containsKey("政府集中采购")) {
                String head = t2Region.substring(Math.max(0, t2Region.lastIndexOf("采购总金额")));
                if (head.startsWith("采购总金额(万元)") || head.startsWith("采购总金额(单位:万元)")) unit = "万元";
                else if (head.startsWith("采购总金额(元)")) unit = "元";
            }
        }

        Map<String, List<Long>> table3 = null;
        List<Unplaced> unplaced = List.of();
        List<RowSpec> t3Specs = t3Is2021 ? Templates.TABLE3_2021 : Templates.TABLE3_2019;
        int t3End = t4Start < 0 ? end : t4Start;
        if (t3Start >= 0) {
            RowLocator.Found found = loc.locate(t3Specs, t3Start, t3End);
            Map<String, Long[]> fixed = new LinkedHashMap<>();
            Map<String, List<Long>> partial = new LinkedHashMap<>();
            for (RowSpec spec : t3Specs) {
                List<Line> rowLines = found.rows().get(spec.key());
                if (rowLines == null) {
                    warnings.add("table3 " + spec.key() + ": row not found");
                    continue;
                }
                readTable3Row(spec.key(), rowLines, fixed, partial, warnings);
            }
            Table3Placer placer = new Table3Placer(t3Specs.stream().map(RowSpec::key).toList(), Templates.resultRows(t3Specs));
            Table3Placer.Outcome outcome = placer.place(fixed, partial);
            table3 = outcome.table();
            unplaced = outcome.unplaced();
            warnings.addAll(outcome.warnings());
        }

        List<Long> table4 = null;
        if (t4Start >= 0) table4 = readTable4(loc, t4Start, end, warnings);
        return new Tables(template, table2, unit, table3, unplaced, Templates.resultRows(t3Specs), table4, warnings);
    }

    /**
     * Table 3 by its shape when labels are unreadable (OCR): a table with an applicant header and
     * exactly 23 (2019) or 25 (2021) data rows of 7 cells is read row by row in template order.
     */
    static Optional<Map<String, List<Long>>> table3ByRowOrder(List<org.nianbao.indexer.extract.ExtractedDocument.Table> tables) {
        for (var table : tables) {
            List<Line> lines = Line.fromTables(List.of(table));
            String all = String.join("", lines.stream().map(Line::label).toList());
            if (!(all.contains("自然人") || all.contains("申请人情况") || all.contains("法人或其他组织") || all.contains("商业企业"))) continue;
            List<List<PrintedNumber>> data = new ArrayList<>();
            for (Line l : lines) {
                if (l.cells() == null || l.cells().size() < 8) continue;
                l.lastCells(7).ifPresent(data::add);
            }
            List<RowSpec> specs = data.size() == Templates.TABLE3_2019.size() ? Templates.TABLE3_2019
                    : data.size() == Templates.TABLE3_2021.size() ? Templates.TABLE3_2021 : null;
            if (specs == null) continue;
            Map<String, List<Long>> out = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                List<Long> row = new ArrayList<>();
                for (PrintedNumber n : data.get(i)) row.add(n == null ? null : n.asLong());
                out.put(specs.get(i).key(), row);
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private static Optional<List<PrintedNumber>> table2Values(List<Line> rowLines, int width) {
        for (Line l : rowLines) {
            if (l.positional()) {
                Optional<List<PrintedNumber>> cells = l.cellsAfterLabel();
                if (cells.isPresent() && !cells.get().isEmpty()) {
                    List<PrintedNumber> v = new ArrayList<>(cells.get());
                    while (v.size() < width) v.add(null);
                    if (v.size() == width) return Optional.of(v);
                }
            }
        }
        List<PrintedNumber> numbers = rowLines.stream().flatMap(l -> l.numbers().stream()).toList();
        return numbers.size() == width ? Optional.of(numbers) : Optional.empty();
    }

    private static void readTable3Row(String key, List<Line> rowLines, Map<String, Long[]> fixed,
                                      Map<String, List<Long>> partial, List<String> warnings) {
        for (Line l : rowLines) {
            if (!l.positional()) continue;
            Optional<List<PrintedNumber>> cells = l.lastCells(7);
            if (cells.isPresent() && (cells.get().stream().anyMatch(java.util.Objects::nonNull) || l.label().isEmpty()
                    || rowLines.stream().allMatch(x -> x.numbers().isEmpty()))) {
                Long[] row = new Long[7];
                for (int i = 0; i < 7; i++) row[i] = cells.get().get(i) == null ? null : whole(cells.get().get(i), key, warnings);
                fixed.put(key, row);
                return;
            }
        }
        List<Long> numbers = new ArrayList<>();
        for (Line l : rowLines) for (PrintedNumber n : l.numbers()) numbers.add(whole(n, key, warnings));
        if (numbers.contains(null)) {
            warnings.add("table3 " + key + ": a figure is not a whole number; row left out");
        } else if (numbers.size() == 7) {
            fixed.put(key, numbers.toArray(Long[]::new));
        } else if (numbers.isEmpty()) {
            fixed.put(key, new Long[7]);
        } else if (numbers.size() < 7) {
            partial.put(key, numbers);
        } else {
            warnings.add("table3 " + key + ": " + numbers.size() + " figures printed for 7 columns; row left out");
        }
    }

    private static Long whole(PrintedNumber n, String key, List<String> warnings) {
        Long v = n.asLong();
        if (v == null) warnings.add("table3/4 " + key + ": figure " + n.value() + " is not a whole number");
        return v;
    }

    private static List<Long> readTable4(RowLocator loc, int start, int end, List<String> warnings) {
        int first = loc.lineAt(start);
        List<Long> numbers = new ArrayList<>();
        for (int i = first; i < loc.lineCount(); i++) {
            Line l = loc.line(i);
            if (i > first && isSectionHeading(l.label())) break;
            if (l.positional()) {
                Optional<List<PrintedNumber>> cells = l.lastCells(15);
                if (cells.isPresent() && cells.get().stream().anyMatch(java.util.Objects::nonNull) && numbers.isEmpty()) {
                    List<Long> row = new ArrayList<>();
                    for (PrintedNumber n : cells.get()) row.add(n == null ? null : whole(n, "table4", warnings));
                    return row;
                }
            }
            for (PrintedNumber n : l.numbers()) numbers.add(whole(n, "table4", warnings));
            if (numbers.size() >= 15) break;
        }
        if (numbers.size() == 15) return numbers;
        if (numbers.isEmpty()) {
            warnings.add("table4: no figures found");
        } else {
            warnings.add("table4: " + numbers.size() + " figures printed for 15 columns and their positions are unknown; table left out");
        }
        return null;
    }

    private static boolean isSectionHeading(String label) {
        return label.matches("^(五|六|七|八)[、.].*");
    }
}
