package org.nianbao.indexer.parse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Compares parser output (truth-shaped JSON) with a corpus truth file, field by field and cell by cell. */
final class TruthComparison {

    static final List<String> STEMS = List.of("000_ce2cda99d1cc7ffa", "001_d3dbc75fcf03ce83", "002_b6c5992465737a46",
            "003_e497ca72f28c193c", "004_094e7d90817e6489");
    static final List<String> METADATA = List.of("title", "agency", "region_province", "region_city", "region_county",
            "admin_level", "agency_kind", "report_year", "portal_url");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Score(int cells, int right, List<String> mismatches) {
        double accuracy() {
            return cells == 0 ? 1 : (double) right / cells;
        }
    }

    static Path corpus() {
        return Path.of(System.getProperty("nianbao.shared"), "corpus");
    }

    static JsonNode truth(String stem) throws IOException {
        return MAPPER.readTree(Files.readString(corpus().resolve("truth").resolve(stem + ".json")));
    }

    /** Metadata mismatches, as "field: expected … got …". */
    static List<String> metadata(JsonNode actual, JsonNode truth) {
        List<String> out = new ArrayList<>();
        for (String f : METADATA) {
            if (!same(actual.get(f), truth.get(f))) out.add(f + ": expected " + truth.get(f) + " got " + actual.get(f));
        }
        return out;
    }

    /**
     * Cell-by-cell comparison of tables 2, 3 and 4. {@code table3Key} picks the truth's table3 or
     * table3_as_rendered.
     */
    static Score cells(JsonNode actual, JsonNode truth, String table3Key) {
        int cells = 0, right = 0;
        List<String> mismatches = new ArrayList<>();
        for (String table : List.of("table2", table3Key)) {
            JsonNode t = truth.get(table);
            JsonNode a = actual.get(table.startsWith("table3") ? "table3" : table);
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode got = a == null ? null : a.get(e.getKey());
                if (e.getValue().isArray()) {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        cells++;
                        JsonNode g = got == null || !got.isArray() || got.size() <= i ? null : got.get(i);
                        if (g != null && same(g, e.getValue().get(i))) right++;
                        else mismatches.add(table + " " + e.getKey() + "[" + i + "]: expected " + e.getValue().get(i) + " got " + g);
                    }
                } else {
                    cells++;
                    if (same(got, e.getValue())) right++;
                    else mismatches.add(table + " " + e.getKey() + ": expected " + e.getValue() + " got " + got);
                }
            }
        }
        JsonNode t4 = truth.get("table4");
        JsonNode a4 = actual.get("table4");
        for (int i = 0; i < t4.size(); i++) {
            cells++;
            JsonNode g = a4 == null || a4.size() <= i ? null : a4.get(i);
            if (g != null && same(g, t4.get(i))) right++;
            else mismatches.add("table4[" + i + "]: expected " + t4.get(i) + " got " + g);
        }
        return new Score(cells, right, mismatches);
    }

    static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) return aNull == bNull;
        if (a.isNumber() && b.isNumber()) return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        return a.equals(b);
    }

    private TruthComparison() {
    }
}
