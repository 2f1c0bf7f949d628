package org.nianbao.app.web;

import io.javalin.http.Context;

import java.util.Map;

/**
 * The interface language: Chinese unless the reader chose English (a cookie set by {@code /lang}).
 * Labels are written in pairs where they are used, so a page reads top to bottom in both languages.
 */
record Lang(boolean english) {

    static final String COOKIE = "nianbao-lang";
    static final Lang ZH = new Lang(false);
    static final Lang EN = new Lang(true);

    static Lang of(Context ctx) {
        return "en".equals(ctx.cookie(COOKIE)) ? EN : ZH;
    }

    String t(String zh, String en) {
        return english ? en : zh;
    }

    String code() {
        return english ? "en" : "zh-CN";
    }

    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "region", new String[] {"地区", "Region"},
            "admin_level", new String[] {"行政层级", "Level"},
            "agency_kind", new String[] {"机关类型", "Agency kind"},
            "year", new String[] {"报告年度", "Year"},
            "format", new String[] {"文件格式", "Format"},
            "template", new String[] {"表格模板", "Template"},
            "checks", new String[] {"勾稽校验", "Table checks"},
            "status", new String[] {"收录状态", "Status"});

    private static final Map<String, String[]> VALUES = Map.ofEntries(
            Map.entry("admin_level:province", new String[] {"省级", "province"}),
            Map.entry("admin_level:city", new String[] {"市级", "city"}),
            Map.entry("admin_level:county", new String[] {"县级", "county"}),
            Map.entry("admin_level:township", new String[] {"乡镇级", "township"}),
            Map.entry("agency_kind:government", new String[] {"人民政府", "government"}),
            Map.entry("agency_kind:general_office", new String[] {"政府办公厅（室）", "general office"}),
            Map.entry("agency_kind:department", new String[] {"政府部门", "department"}),
            Map.entry("agency_kind:township", new String[] {"乡镇（街道）", "township"}),
            Map.entry("template:2019", new String[] {"2019年版", "2019 template"}),
            Map.entry("template:2021", new String[] {"2021年版", "2021 template"}),
            Map.entry("template:pre2019", new String[] {"2019年以前", "before 2019"}),
            Map.entry("template:unknown", new String[] {"未识别", "not recognised"}),
            Map.entry("checks:pass", new String[] {"全部相符", "all hold"}),
            Map.entry("checks:fail", new String[] {"存在不符", "some fail"}),
            Map.entry("status:current", new String[] {"现行", "current"}),
            Map.entry("status:changed", new String[] {"发布后有改动", "changed"}),
            Map.entry("status:removed", new String[] {"已从门户撤下", "removed"}));

    String dimension(String dim) {
        String[] l = DIMENSIONS.get(dim);
        return l == null ? dim : l[english ? 1 : 0];
    }

    /** A facet value as a reader would name it (regions and years stay as they are). */
    String value(String dim, String value) {
        if (value == null) return "";
        String[] l = VALUES.get(dim + ":" + value);
        if (l != null) return l[english ? 1 : 0];
        if (dim.equals("region")) return value.substring(value.lastIndexOf('/') + 1);
        if (dim.equals("year")) return english ? value : value + "年";
        return value;
    }
}
