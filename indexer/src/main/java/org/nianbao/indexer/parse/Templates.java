package org.nianbao.indexer.parse;

import java.util.ArrayList;
import java.util.List;

/** The rows of the standard tables in the 2019 (国办公开办函〔2019〕60号) and 2021 (〔2021〕30号) templates. */
final class Templates {

    static final String T2019 = "2019";
    static final String T2021 = "2021";
    static final String PRE2019 = "pre2019";
    static final String UNKNOWN = "unknown";

    static final List<String> TABLE3_COLUMNS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");

    static final List<String> TABLE4_COLUMNS = List.of(
            "行政复议.结果维持", "行政复议.结果纠正", "行政复议.其他结果", "行政复议.尚未审结", "行政复议.总计",
            "行政诉讼.未经复议直接起诉.结果维持", "行政诉讼.未经复议直接起诉.结果纠正", "行政诉讼.未经复议直接起诉.其他结果",
            "行政诉讼.未经复议直接起诉.尚未审结", "行政诉讼.未经复议直接起诉.总计",
            "行政诉讼.复议后起诉.结果维持", "行政诉讼.复议后起诉.结果纠正", "行政诉讼.复议后起诉.其他结果",
            "行政诉讼.复议后起诉.尚未审结", "行政诉讼.复议后起诉.总计");

    static final List<RowSpec> TABLE2_2019 = List.of(
            RowSpec.of("规章", 3, "规章"),
            RowSpec.of("规范性文件", 3, "规范性文件"),
            RowSpec.of("行政许可", 3, "行政许可"),
            RowSpec.of("其他对外管理服务事项", 3, "其他对外管理服务", "对外管理服务事项"),
            RowSpec.of("行政处罚", 3, "行政处罚"),
            RowSpec.of("行政强制", 3, "行政强制"),
            RowSpec.of("行政事业性收费", 2, "行政事业性收费", "事业性收费"),
            RowSpec.of("政府集中采购", 2, "政府集中采购", "集中采购"));

    static final List<RowSpec> TABLE2_2021 = List.of(
            RowSpec.of("规章", 3, "规章"),
            RowSpec.of("行政规范性文件", 3, "规范性文件"),
            RowSpec.of("行政许可", 1, "行政许可"),
            RowSpec.of("行政处罚", 1, "行政处罚"),
            RowSpec.of("行政强制", 1, "行政强制"),
            RowSpec.of("行政事业性收费", 1, "行政事业性收费", "事业性收费"));

    private static final List<RowSpec> TABLE3_HEAD = List.of(
            RowSpec.of("新收", 7, "本年新收", "新收政府信息公开申请数量"),
            RowSpec.of("上年结转", 7, "上年结转"),
            RowSpec.of("予以公开", 7, "予以公开"),
            RowSpec.of("部分公开", 7, "部分公开"),
            RowSpec.of("不予公开.属于国家秘密", 7, "国家秘密"),
            RowSpec.of("不予公开.其他法律行政法规禁止公开", 7, "法规禁止公开", "其他法律行政法规"),
            RowSpec.of("不予公开.危及三安全一稳定", 7, "三安全一稳定", "危及三安全"),
            RowSpec.of("不予公开.保护第三方合法权益", 7, "第三方合法权益", "保护第三方"),
            RowSpec.of("不予公开.属于三类内部事务信息", 7, "三类内部事务", "内部事务信息"),
            RowSpec.of("不予公开.属于四类过程性信息", 7, "四类过程性", "过程性信息"),
            RowSpec.of("不予公开.属于行政执法案卷", 7, "行政执法案卷", "执法案卷"),
            RowSpec.of("不予公开.属于行政查询事项", 7, "行政查询事项", "查询事项"),
            RowSpec.of("无法提供.本机关不掌握相关政府信息", 7, "本机关不掌握", "不掌握相关政府信息"),
            RowSpec.of("无法提供.没有现成信息需要另行制作", 7, "没有现成信息", "另行制作"),
            RowSpec.of("无法提供.补正后申请内容仍不明确", 7, "补正后申请内容", "仍不明确"),
            RowSpec.of("不予处理.信访举报投诉类申请", 7, "信访举报投诉", "举报投诉"),
            RowSpec.of("不予处理.重复申请", 7, "重复申请"),
            RowSpec.of("不予处理.要求提供公开出版物", 7, "公开出版物"),
            RowSpec.of("不予处理.无正当理由大量反复申请", 7, "大量反复申请", "大量反复"),
            RowSpec.of("不予处理.要求行政机关确认或重新出具已获取信息", 7, "重新出具已获取信息", "已获取信息", "确认或重新出具"));

    private static final List<RowSpec> TABLE3_TAIL = List.of(
            RowSpec.of("总计", 7, "总计"),
            RowSpec.of("结转下年度继续办理", 7, "结转下年度", "继续办理"));

    static final List<RowSpec> TABLE3_2019 = concat(TABLE3_HEAD, List.of(RowSpec.of("其他处理", 7, "其他处理")), TABLE3_TAIL);

    static final List<RowSpec> TABLE3_2021 = concat(TABLE3_HEAD, List.of(
            RowSpec.of("其他处理.申请人无正当理由逾期不补正", 7, "逾期不补正"),
            RowSpec.of("其他处理.申请人逾期未按收费通知要求缴纳费用", 7, "缴纳费用", "收费通知"),
            RowSpec.of("其他处理.其他", 7, "其他")), TABLE3_TAIL);

    /** Rows whose 总计 column sums to the (七)总计 row. */
    static List<String> resultRows(List<RowSpec> table3) {
        List<String> keys = new ArrayList<>();
        boolean in = false;
        for (RowSpec r : table3) {
            if (r.key().equals("予以公开")) in = true;
            if (r.key().equals("总计")) in = false;
            if (in) keys.add(r.key());
        }
        return keys;
    }

    @SafeVarargs
    private static List<RowSpec> concat(List<RowSpec>... parts) {
        List<RowSpec> all = new ArrayList<>();
        for (List<RowSpec> p : parts) all.addAll(p);
        return List.copyOf(all);
    }

    private Templates() {
    }
}
