package org.nianbao.indexer.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.indexer.extract.ExtractedDocument.Table;
import org.nianbao.indexer.extract.table.TableAssembler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares table 3 (收到和处理政府信息公开申请情况) of an extracted document with the corpus truth, cell by
 * cell: the table is expanded to its grid (merged header rows resolved), the 23 data rows start at the
 * 新收 row, and the last seven grid columns are the seven applicant columns.
 */
final class Table3Check {
    static final int ROWS = 23, COLS = 7;

    record Result(int matched, int total, List<String> mismatches, boolean found) {
        double accuracy() {
            return total == 0 ? 0 : (double) matched / total;
        }
    }

    static Path corpus() {
        return Path.of(System.getProperty("nianbao.shared"), "corpus");
    }

    /** The truth rows in template order; 003's renderings follow table3_as_rendered. */
    static List<Map.Entry<String, Integer[]>> truth(String stem) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(corpus().resolve("truth").resolve(stem + ".json")));
        JsonNode t3 = root.has("table3_as_rendered") ? root.get("table3_as_rendered") : root.get("table3");
        List<Map.Entry<String, Integer[]>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t3.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Integer[] v = new Integer[COLS];
            for (int i = 0; i < COLS; i++) v[i] = e.getValue().get(i).isNull() ? null : e.getValue().get(i).asInt();
            rows.add(Map.entry(e.getKey(), v));
        }
        return rows;
    }

    /** The table whose header names the applicant columns. */
    static Table locate(ExtractedDocument doc) {
        for (Table t : doc.tables()) {
            String[][] g = TableAssembler.grid(t);
            boolean applicants = false, received = false;
            for (String[] row : g) {
                for (String c : row) {
                    String s = c.replaceAll("\\s+", "");
                    if (s.contains("申请人情况") || s.contains("自然人")) applicants = true;
                    if (s.contains("新收") || s.contains("申请数量")) received = true;
                }
            }
            if (applicants && received) return t;
        }
        return null;
    }

    static Result compare(ExtractedDocument doc, String stem) throws IOException {
        List<Map.Entry<String, Integer[]>> truth = truth(stem);
        int total = ROWS * COLS;
        Table t = locate(doc);
        if (t == null) return new Result(0, total, List.of("table 3 not found among " + doc.tables().size() + " tables"), false);
        String[][] g = TableAssembler.grid(t);
        int start = -1;
        for (int r = 0; r < g.length && start < 0; r++) {
            // OCR may garble the start of the label; both of the first two rows end in 申请数量.
            for (String c : g[r]) if (c.replaceAll("\\s+", "").contains("新收") || c.contains("申请数量")) start = r;
        }
        List<String> bad = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < ROWS; i++) {
            Integer[] expected = truth.get(i).getValue();
            String[] row = start + i < g.length ? g[start + i] : new String[0];
            for (int k = 0; k < COLS; k++) {
                int col = row.length - COLS + k;
                String actual = col >= 0 && col < row.length ? row[col] : "<missing>";
                if (java.util.Objects.equals(expected[k], number(actual))) ok++;
                else bad.add(truth.get(i).getKey() + "[" + k + "] expected " + expected[k] + " got '" + actual + "'");
            }
        }
        return new Result(ok, total, bad, true);
    }

    /** A printed number cell: blank is null, "+5" is 5; anything else cannot match. */
    static Integer number(String text) {
        String s = text.replaceAll("[\\s\u3000]+", "");
        if (s.isEmpty()) return null;
        if (s.startsWith("+")) s = s.substring(1);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    static String describe(String[][] g) {
        StringBuilder sb = new StringBuilder();
        for (String[] row : g) sb.append(Arrays.toString(row)).append('\n');
        return sb.toString();
    }
}
