package org.nianbao.indexer.index;

import org.nianbao.indexer.parse.ParsedReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names every table figure of a report as one numeric field, e.g. {@code t3.新收.总计},
 * {@code t2.行政许可.处理决定数量}, {@code t4.行政复议.总计}, so figures can be filtered, sorted and summed.
 * The names follow the official template's row and column labels.
 */
public final class Figures {

    public static final List<String> TABLE3_COLUMNS =
            List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");

    public static final List<String> TABLE3_ROWS = List.of(
            "新收", "上年结转", "予以公开", "部分公开",
            "不予公开.属于国家秘密", "不予公开.其他法律行政法规禁止公开", "不予公开.危及三安全一稳定",
            "不予公开.保护第三方合法权益", "不予公开.属于三类内部事务信息", "不予公开.属于四类过程性信息",
            "不予公开.属于行政执法案卷", "不予公开.属于行政查询事项",
            "无法提供.本机关不掌握相关政府信息", "无法提供.没有现成信息需要另行制作", "无法提供.补正后申请内容仍不明确",
            "不予处理.信访举报投诉类申请", "不予处理.重复申请", "不予处理.要求提供公开出版物",
            "不予处理.无正当理由大量反复申请", "不予处理.要求行政机关确认或重新出具已获取信息",
            "其他处理", "总计", "结转下年度继续办理");

    public static final List<String> TABLE4_COLUMNS = List.of(
            "行政复议.结果维持", "行政复议.结果纠正", "行政复议.其他结果", "行政复议.尚未审结", "行政复议.总计",
            "行政诉讼.未经复议直接起诉.结果维持", "行政诉讼.未经复议直接起诉.结果纠正", "行政诉讼.未经复议直接起诉.其他结果",
            "行政诉讼.未经复议直接起诉.尚未审结", "行政诉讼.未经复议直接起诉.总计",
            "行政诉讼.复议后起诉.结果维持", "行政诉讼.复议后起诉.结果纠正", "行政诉讼.复议后起诉.其他结果",
            "行政诉讼.复议后起诉.尚未审结", "行政诉讼.复议后起诉.总计");

    /** Table 2 rows and their column labels ("本年增/减" without the slash, which the query syntax reserves). */
    public static final Map<String, List<String>> TABLE2_COLUMNS = table2Columns();

    /** 采购总金额 is the one decimal figure; it is indexed in 万元 whatever unit was printed. */
    public static final String PROCUREMENT_AMOUNT = "t2.政府集中采购.采购总金额";

    /** Derived: both 行政诉讼 totals added, the figure journalists quote. */
    public static final String LITIGATION_TOTAL = "t4.行政诉讼.总计";

    /** The figures a hit shows at a glance. */
    public static final List<String> MAIN = List.of(
            "t3.新收.总计", "t3.予以公开.总计", "t3.部分公开.总计", "t3.总计.总计",
            "t4.行政复议.总计", LITIGATION_TOTAL);

    /**
     * Field names of the template's cells, built once (row → one name per column): a report has about 200
     * figures, and concatenating and hashing each name anew for every indexed report was a visible share
     * of indexing time.
     */
    private static final Map<String, String[]> T2_NAMES = cellNames("t2.", TABLE2_COLUMNS);
    private static final Map<String, String[]> T3_NAMES = cellNames("t3.", table3Columns());
    private static final String[] T4_NAMES = TABLE4_COLUMNS.stream().map(c -> "t4." + c).toArray(String[]::new);

    private Figures() {
    }

    private static Map<String, List<String>> table3Columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String row : TABLE3_ROWS) m.put(row, TABLE3_COLUMNS);
        return m;
    }

    private static Map<String, String[]> cellNames(String prefix, Map<String, List<String>> columns) {
        Map<String, String[]> m = new java.util.HashMap<>();
        columns.forEach((row, cols) -> m.put(row, cols.stream().map(c -> prefix + row + "." + c).toArray(String[]::new)));
        return Map.copyOf(m);
    }

    /** The name of column {@code i} of {@code row}: the prebuilt one, or built when the row is not the template's. */
    private static String cellName(Map<String, String[]> names, String prefix, String row, int i, String col) {
        String[] known = names.get(row);
        return known != null && i < known.length ? known[i] : prefix + row + "." + col;
    }

    private static Map<String, List<String>> table2Columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> made = List.of("本年新制作数量", "本年新公开数量", "对外公开总数量");
        List<String> items = List.of("上一年项目数量", "本年增减", "处理决定数量");
        m.put("规章", made);
        m.put("规范性文件", made);
        m.put("行政许可", items);
        m.put("其他对外管理服务事项", items);
        m.put("行政处罚", items);
        m.put("行政强制", items);
        m.put("行政事业性收费", List.of("上一年项目数量", "本年增减"));
        m.put("政府集中采购", List.of("采购项目数量", "采购总金额"));
        return Map.copyOf(m);
    }

    /** Every figure name of the standard template, in spreadsheet order (t2, t3, t4, derived). */
    public static List<String> standardNames() {
        List<String> names = new ArrayList<>();
        for (String row : List.of("规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制",
                "行政事业性收费", "政府集中采购")) {
            for (String col : TABLE2_COLUMNS.get(row)) names.add("t2." + row + "." + col);
        }
        for (String row : TABLE3_ROWS) {
            for (String col : TABLE3_COLUMNS) names.add("t3." + row + "." + col);
        }
        for (String col : TABLE4_COLUMNS) names.add("t4." + col);
        names.add(LITIGATION_TOTAL);
        return List.copyOf(names);
    }

    public static boolean isDecimal(String field) {
        return field.equals(PROCUREMENT_AMOUNT);
    }

    /** True for names that look like a figure field (t2./t3./t4. prefixes). */
    public static boolean isFigure(String field) {
        return field.startsWith("t2.") || field.startsWith("t3.") || field.startsWith("t4.");
    }

    /**
     * The printed figures of a report by field name; blank cells and unread rows are absent.
     * Values are {@link Long}, except {@link #PROCUREMENT_AMOUNT} ({@link BigDecimal}, in 万元).
     */
    public static Map<String, Number> of(ParsedReport p) {
        Map<String, Number> out = new LinkedHashMap<>();
        if (p.table2() != null) {
            p.table2().forEach((row, values) -> {
                if (values == null) return;
                List<String> cols = TABLE2_COLUMNS.get(row);
                for (int i = 0; i < values.size(); i++) {
                    Number v = values.get(i);
                    if (v == null) continue;
                    String col = cols != null && i < cols.size() ? cols.get(i) : "c" + (i + 1);
                    String name = cellName(T2_NAMES, "t2.", row, i, col);
                    if (isDecimal(name)) out.put(name, toWan(v, p.procurementUnit()));
                    else out.put(name, v.longValue());
                }
            });
        }
        if (p.table3() != null) {
            p.table3().forEach((row, values) -> {
                if (values == null) return;
                for (int i = 0; i < values.size() && i < TABLE3_COLUMNS.size(); i++) {
                    Long v = values.get(i);
                    if (v != null) out.put(cellName(T3_NAMES, "t3.", row, i, TABLE3_COLUMNS.get(i)), v);
                }
            });
        }
        List<Long> t4 = p.table4();
        if (t4 != null) {
            for (int i = 0; i < t4.size() && i < TABLE4_COLUMNS.size(); i++) {
                if (t4.get(i) != null) out.put(T4_NAMES[i], t4.get(i));
            }
            Long direct = t4.size() > 9 ? t4.get(9) : null;
            Long afterReview = t4.size() > 14 ? t4.get(14) : null;
            if (direct != null || afterReview != null) {
                out.put(LITIGATION_TOTAL, (direct == null ? 0 : direct) + (afterReview == null ? 0 : afterReview));
            }
        }
        return out;
    }

    private static BigDecimal toWan(Number v, String unit) {
        BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        if (unit != null && unit.strip().equals("元")) return d.divide(BigDecimal.valueOf(10_000), 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d;
    }
}
