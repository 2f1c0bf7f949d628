package org.nianbao.app.web;

import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.parse.ParsedReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three statistical tables drawn like the official template (国办公开办函〔2019〕60号 / 〔2021〕30号): merged
 * header cells, the result rows grouped under their headings. Rows touched by a failing check are marked.
 * A blank printed cell shows empty; a row the parser could not read is absent.
 */
final class ReportTables {

    private static final String[] CN_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private ReportTables() {
    }

    /** Table 2, 主动公开政府信息情况: sections by the column set of their rows. */
    static void table2(StringBuilder b, Lang l, ParsedReport p) {
        Map<String, List<Number>> t2 = p.table2();
        if (t2 == null || t2.isEmpty()) return;
        b.append("<h3>").append(l.t("二、主动公开政府信息情况", "II. Information disclosed proactively")).append("</h3>");
        b.append("<table class=\"official t2\" id=\"table2\"><tbody>");
        List<String> lastCols = null;
        for (Map.Entry<String, List<Number>> row : t2.entrySet()) {
            List<String> cols = table2Columns(p.template(), row.getKey(), row.getValue() == null ? 0 : row.getValue().size(), p.procurementUnit());
            if (!cols.equals(lastCols)) {
                b.append("<tr class=\"head\"><th>").append(l.t("信息内容", "Item")).append("</th>");
                for (String c : cols) b.append("<th>").append(Html.esc(c)).append("</th>");
                b.append("</tr>");
                lastCols = cols;
            }
            b.append("<tr data-row=\"").append(Html.esc(row.getKey())).append("\"><th class=\"rowhead\">").append(Html.esc(row.getKey())).append("</th>");
            List<Number> values = row.getValue() == null ? List.of() : row.getValue();
            for (int i = 0; i < cols.size(); i++) b.append(cell(i < values.size() ? values.get(i) : null));
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    private static List<String> table2Columns(String template, String row, int n, String unit) {
        List<String> cols;
        if ("2021".equals(template)) {
            cols = switch (row) {
                case "规章", "行政规范性文件" -> List.of("本年制发件数", "本年废止件数", "现行有效件数");
                case "行政事业性收费" -> List.of("本年收费金额（单位：万元）");
                default -> List.of("本年处理决定数量");
            };
        } else {
            List<String> known = Figures.TABLE2_COLUMNS.get(row);
            cols = known == null ? List.of() : new ArrayList<>(known);
            if (row.equals("政府集中采购") && unit != null && cols.size() == 2) cols = List.of(cols.get(0), cols.get(1) + "（" + unit + "）");
        }
        if (cols.size() == n) return cols;
        List<String> generic = new ArrayList<>();
        for (int i = 0; i < n; i++) generic.add(i < cols.size() ? cols.get(i) : "第" + (i + 1) + "列");
        return generic;
    }

    /** Table 3, 收到和处理政府信息公开申请情况, with the template's three-row header and grouped result rows. */
    static void table3(StringBuilder b, Lang l, ParsedReport p, Set<String> markedRows) {
        Map<String, List<Long>> t3 = p.table3();
        if (t3 == null || t3.isEmpty()) return;
        b.append("<h3>").append(l.t("三、收到和处理政府信息公开申请情况", "III. Requests received and how they were handled")).append("</h3>");
        b.append("<table class=\"official t3\" id=\"table3\"><thead>");
        b.append("<tr><th colspan=\"3\" rowspan=\"3\" class=\"corner\">").append(l.t("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                "(this column: item 1 + item 2 = item 3 + item 4)")).append("</th><th colspan=\"7\">").append(l.t("申请人情况", "Applicants")).append("</th></tr>");
        b.append("<tr><th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">总计</th></tr>");
        b.append("<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr></thead><tbody>");

        // Rows before the results, the results grouped by their heading, the rows after.
        List<String> head = List.of("新收", "上年结转");
        List<String> tail = List.of("结转下年度继续办理");
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String key : t3.keySet()) {
            if (head.contains(key) || tail.contains(key)) continue;
            String group = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(key);
        }
        int resultRows = groups.values().stream().mapToInt(List::size).sum();
        if (t3.containsKey("新收")) row3(b, t3, "新收", "<th colspan=\"3\" class=\"rowhead\">一、本年新收政府信息公开申请数量</th>", markedRows);
        if (t3.containsKey("上年结转")) row3(b, t3, "上年结转", "<th colspan=\"3\" class=\"rowhead\">二、上年结转政府信息公开申请数量</th>", markedRows);
        boolean first = true;
        int g = 0;
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            g++;
            List<String> keys = group.getValue();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                StringBuilder lead = new StringBuilder();
                if (first) lead.append("<th rowspan=\"").append(resultRows).append("\" class=\"rowhead group\">三、本年度办理结果</th>");
                first = false;
                String label = "（" + (g <= CN_NUMBERS.length ? CN_NUMBERS[g - 1] : String.valueOf(g)) + "）" + group.getKey();
                if (keys.size() == 1 && !key.contains(".")) {
                    lead.append("<th colspan=\"2\" class=\"rowhead\">").append(Html.esc(label)).append("</th>");
                } else {
                    if (i == 0) lead.append("<th rowspan=\"").append(keys.size()).append("\" class=\"rowhead\">").append(Html.esc(label)).append("</th>");
                    lead.append("<th class=\"rowhead sub\">").append(i + 1).append('.').append(Html.esc(key.substring(key.indexOf('.') + 1))).append("</th>");
                }
                row3(b, t3, key, lead.toString(), markedRows);
            }
        }
        if (t3.containsKey("结转下年度继续办理")) row3(b, t3, "结转下年度继续办理", "<th colspan=\"3\" class=\"rowhead\">四、结转下年度继续办理</th>", markedRows);
        b.append("</tbody></table>");
    }

    private static void row3(StringBuilder b, Map<String, List<Long>> t3, String key, String lead, Set<String> markedRows) {
        b.append("<tr data-row=\"").append(Html.esc(key)).append('"').append(markedRows.contains(key) ? " class=\"check-fail\"" : "").append('>').append(lead);
        List<Long> values = t3.get(key);
        for (int i = 0; i < 7; i++) b.append(cell(values != null && i < values.size() ? values.get(i) : null));
        b.append("</tr>");
    }

    /** Table 4, 政府信息公开行政复议、行政诉讼情况: two header rows of merged cells over 15 figures. */
    static void table4(StringBuilder b, Lang l, ParsedReport p, boolean marked) {
        List<Long> t4 = p.table4();
        if (t4 == null || t4.isEmpty()) return;
        b.append("<h3>").append(l.t("四、政府信息公开行政复议、行政诉讼情况", "IV. Administrative reviews and lawsuits")).append("</h3>");
        b.append("<table class=\"official t4").append(marked ? " check-fail" : "").append("\" id=\"table4\"><thead>");
        b.append("<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>");
        b.append("<tr>");
        for (String c : List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")) b.append("<th rowspan=\"2\">").append(c).append("</th>");
        b.append("<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr><tr>");
        for (int k = 0; k < 2; k++) for (String c : List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")) b.append("<th>").append(c).append("</th>");
        b.append("</tr></thead><tbody><tr data-row=\"table4\">");
        for (int i = 0; i < 15; i++) b.append(cell(i < t4.size() ? t4.get(i) : null));
        b.append("</tr></tbody></table>");
    }

    private static String cell(Number v) {
        return v == null ? "<td class=\"blank\"></td>" : "<td>" + Html.esc(v instanceof java.math.BigDecimal d ? d.toPlainString() : v) + "</td>";
    }

    /** The table-3 rows a failing check is about, so the table can mark them. */
    static Set<String> rowsOfFailedChecks(ParsedReport p) {
        Set<String> rows = new LinkedHashSet<>();
        if (p.checks() == null || p.table3() == null) return rows;
        for (ParsedReport.Check c : p.checks()) {
            if (c.holds()) continue;
            String name = c.name() == null ? "" : c.name();
            if (name.startsWith("table3_balance")) rows.addAll(List.of("新收", "上年结转", "总计", "结转下年度继续办理"));
            else if (name.startsWith("table3_result_rows")) {
                for (String k : p.table3().keySet()) if (!List.of("新收", "上年结转", "结转下年度继续办理").contains(k)) rows.add(k);
            } else if (name.startsWith("table3_rows_sum") && c.detail() != null) {
                for (String part : c.detail().split(";")) {
                    String row = part.strip();
                    int colon = row.indexOf(':');
                    if (colon > 0 && p.table3().containsKey(row.substring(0, colon))) rows.add(row.substring(0, colon));
                }
            }
        }
        return rows;
    }

    static boolean table4Fails(ParsedReport p) {
        return p.checks() != null && p.checks().stream().anyMatch(c -> !c.holds() && c.name() != null && c.name().startsWith("table4"));
    }
}
