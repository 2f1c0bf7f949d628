package org.nianbao.indexer.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes parsed reports with exactly the key names and shapes of {@code shared/corpus/truth/*.json},
 * so output can be compared with the truth mechanically: one object per report, an array for several.
 */
public final class ParsedReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParsedReportJson() {
    }

    /** The truth-shaped JSON tree of one report. */
    public static ObjectNode toTree(ParsedReport r, List<Unplaced> unplaced) {
        ObjectNode o = NODES.objectNode();
        o.put("title", r.title());
        o.put("agency", r.agency());
        o.put("region_province", r.regionProvince());
        o.put("region_city", r.regionCity());
        o.put("region_county", r.regionCounty());
        o.put("admin_level", r.adminLevel());
        o.put("agency_kind", r.agencyKind());
        o.put("division_code", r.divisionCode());
        if (r.reportYear() == null) o.putNull("report_year");
        else o.put("report_year", r.reportYear());
        o.put("portal_url", r.portalUrl());
        o.put("template", r.template());
        if (!r.table2().isEmpty()) {
            ObjectNode t2 = o.putObject("table2");
            r.table2().forEach((k, v) -> numbers(t2.putArray(k), v));
            if (Templates.T2019.equals(r.template()) || r.table2().containsKey("政府集中采购")) {
                t2.put("政府集中采购_金额单位", r.procurementUnit());
            }
        }
        if (!r.table3().isEmpty()) {
            Templates.TABLE3_COLUMNS.forEach(o.putArray("table3_columns")::add);
            ObjectNode t3 = o.putObject("table3");
            r.table3().forEach((k, v) -> numbers(t3.putArray(k), v));
            if (unplaced != null && !unplaced.isEmpty()) {
                Map<String, ArrayNode> byRow = new LinkedHashMap<>();
                ObjectNode u = o.putObject("table3_unplaced");
                for (Unplaced x : unplaced) {
                    ObjectNode item = byRow.computeIfAbsent(x.row(), u::putArray).addObject();
                    item.put("value", x.value());
                    x.candidateColumns().forEach(item.putArray("candidate_columns")::add);
                }
            }
        }
        if (r.table4() != null) {
            Templates.TABLE4_COLUMNS.forEach(o.putArray("table4_columns")::add);
            numbers(o.putArray("table4"), r.table4());
        }
        ArrayNode checks = o.putArray("checks");
        for (ParsedReport.Check c : r.checks()) {
            checks.addObject().put("name", c.name()).put("holds", c.holds()).put("detail", c.detail());
        }
        r.warnings().forEach(o.putArray("warnings")::add);
        return o;
    }

    /** One report as a JSON object, or several as an array. */
    public static String write(List<ParseResult> results) {
        JsonNode node;
        if (results.size() == 1) {
            node = toTree(results.getFirst().report(), results.getFirst().table3Unplaced());
        } else {
            ArrayNode a = NODES.arrayNode();
            results.forEach(x -> a.add(toTree(x.report(), x.table3Unplaced())));
            node = a;
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static void numbers(ArrayNode a, List<? extends Number> values) {
        for (Number n : values) {
            if (n == null) a.addNull();
            else if (n instanceof BigDecimal d) a.add(d);
            else a.add(n.longValue());
        }
    }
}
