package org.nianbao.indexer.synth;

import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParsedReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Realistic synthetic reports for scale tests: real provinces, cities and counties, their governments,
 * general offices and departments, years 2008–2024, template tables with varied but consistent figures
 * (about 5% with a broken identity, as real reports have), and text made of the corpus's sentences
 * shuffled. Deterministic: report {@code i} is the same for the same seed and texts.
 */
public final class SyntheticReports {

    public static final int FIRST_YEAR = 2008;
    public static final int LAST_YEAR = 2024;
    private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

    private static final List<String> DEPARTMENTS = List.of("教育局", "公安局", "民政局", "司法局", "财政局",
            "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局",
            "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局",
            "统计局", "医疗保障局", "信访局");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；])");

    /** One agency that publishes a report every year. */
    public record Agency(String name, String kind, String level, String province, String city, String county) {
    }

    private final List<Agency> agencies;
    private final List<String> sentences;
    private final long seed;

    public SyntheticReports(List<String> corpusTexts, long seed) {
        this.agencies = agencies(places());
        this.sentences = sentences(corpusTexts);
        this.seed = seed;
        if (sentences.isEmpty()) throw new IllegalArgumentException("no sentences in the corpus texts");
    }

    /** How many distinct reports (agency × year) exist before ids start repeating agencies with a suffix. */
    public int distinctReports() {
        return agencies.size() * YEARS;
    }

    public List<Agency> agencies() {
        return agencies;
    }

    /** Report number {@code i} (0-based). */
    public ReportRecord report(int i) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        int year = FIRST_YEAR + i % YEARS;
        int round = i / distinctReports();
        Agency a = agencies.get((i / YEARS) % agencies.size());
        String agency = round == 0 ? a.name() : a.name() + "（第" + (round + 1) + "组）";
        String title = agency + year + "年政府信息公开工作年度报告";

        Map<String, List<Long>> t3 = table3(rnd, a.level());
        List<Long> t4 = table4(rnd);
        boolean broken = rnd.nextInt(20) == 0;
        if (broken) {
            // A misprint, as real reports have: one cell off, so a check fails.
            List<Long> row = t3.get("予以公开");
            row.set(0, row.get(0) + 1 + rnd.nextInt(5));
        }
        Map<String, List<Number>> t2 = table2(rnd);
        String template = year < 2019 ? "pre2019" : year < 2021 ? "2019" : "2021";
        ParsedReport parsed = new ParsedReport(title, agency, a.kind(), a.level(), a.province(), a.city(), a.county(), null,
                year, "https://www.example.gov.cn/", template, t2, "万元", t3, t4, TableChecks.evaluate(t3, t4), List.of());
        return new ReportRecord(ReportRecord.idFor(agency, year), parsed, text(rnd, title, agency, year), originals(rnd, i, year),
                status(rnd));
    }

    private String text(SplittableRandom rnd, String title, String agency, int year) {
        StringBuilder sb = new StringBuilder(6000);
        sb.append(title).append("\n\n");
        sb.append("本报告由").append(agency).append("根据《中华人民共和国政府信息公开条例》编制，统计期限为")
                .append(year).append("年1月1日至").append(year).append("年12月31日。\n");
        int n = 50 + rnd.nextInt(60);
        for (int k = 0; k < n; k++) {
            sb.append(sentences.get(rnd.nextInt(sentences.size())));
            if (rnd.nextInt(4) == 0) sb.append("\n\n");
        }
        return sb.toString();
    }

    private static Map<String, List<Long>> table3(SplittableRandom rnd, String level) {
        int scale = switch (level) {
            case "province" -> 800;
            case "city" -> 200;
            default -> 40;
        };
        long received = (long) Math.floor(Math.exp(rnd.nextDouble() * Math.log(scale + 1))) - 1 + rnd.nextInt(3);
        long carried = rnd.nextInt(4) == 0 ? rnd.nextInt(6) : 0;
        long open = received + carried;
        long next = open > 0 && rnd.nextInt(5) == 0 ? Math.min(open, 1 + rnd.nextInt(5)) : 0;
        long concluded = open - next;
        // Split each row over the applicant columns, mostly 自然人.
        double[] weights = {0.7 + rnd.nextDouble() * 0.25, 0.05 + rnd.nextDouble() * 0.15, 0.01, 0.01, 0.02, 0.03};
        Map<String, List<Long>> t3 = new LinkedHashMap<>();
        t3.put("新收", split(rnd, received, weights));
        t3.put("上年结转", split(rnd, carried, weights));
        // Results rows share 总计 among them.
        List<String> results = org.nianbao.indexer.index.Figures.TABLE3_ROWS.subList(2, 21);
        double[] resultWeights = new double[results.size()];
        for (int r = 0; r < resultWeights.length; r++) resultWeights[r] = r == 0 ? 5 : r == 1 ? 1 : r == 12 ? 2 : rnd.nextDouble() * 0.3;
        long[] perRow = apportion(rnd, concluded, resultWeights);
        for (int r = 0; r < results.size(); r++) t3.put(results.get(r), split(rnd, perRow[r], weights));
        List<Long> total = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            long s = 0;
            for (String row : results) s += t3.get(row).get(c);
            total.add(s);
        }
        t3.put("总计", total);
        // 结转下年度 makes every column balance: 新收 + 上年结转 = 总计 + 结转.
        List<Long> rest = new ArrayList<>();
        for (int c = 0; c < 7; c++) rest.add(t3.get("新收").get(c) + t3.get("上年结转").get(c) - total.get(c));
        t3.put("结转下年度继续办理", rest);
        return t3;
    }

    /** Splits {@code n} over six applicant columns and appends the 总计 column. */
    private static List<Long> split(SplittableRandom rnd, long n, double[] weights) {
        long[] parts = apportion(rnd, n, weights);
        List<Long> row = new ArrayList<>(7);
        long sum = 0;
        for (long p : parts) {
            row.add(p);
            sum += p;
        }
        row.add(sum);
        return row;
    }

    private static long[] apportion(SplittableRandom rnd, long n, double[] weights) {
        long[] out = new long[weights.length];
        double total = 0;
        for (double w : weights) total += w;
        for (long k = 0; k < n; k++) {
            double x = rnd.nextDouble() * total;
            int i = 0;
            while (i < weights.length - 1 && x >= weights[i]) x -= weights[i++];
            out[i]++;
        }
        return out;
    }

    private static List<Long> table4(SplittableRandom rnd) {
        List<Long> t4 = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            long sum = 0;
            for (int i = 0; i < 4; i++) {
                long v = rnd.nextInt(6) == 0 ? rnd.nextInt(4) : 0;
                t4.add(v);
                sum += v;
            }
            t4.add(sum);
        }
        return t4;
    }

    private static Map<String, List<Number>> table2(SplittableRandom rnd) {
        Map<String, List<Number>> t2 = new LinkedHashMap<>();
        for (String row : List.of("规章", "规范性文件")) {
            long made = rnd.nextInt(row.equals("规章") ? 3 : 30);
            t2.put(row, List.of(made, made, made + rnd.nextInt(300)));
        }
        for (String row : List.of("行政许可", "其他对外管理服务事项", "行政处罚", "行政强制")) {
            long last = rnd.nextInt(400);
            t2.put(row, List.of(last, (long) rnd.nextInt(21) - 10, (long) rnd.nextInt(5000)));
        }
        t2.put("行政事业性收费", List.of((long) rnd.nextInt(50), (long) rnd.nextInt(5) - 2));
        BigDecimal amount = BigDecimal.valueOf(rnd.nextDouble() * 50_000).setScale(2, RoundingMode.HALF_UP);
        t2.put("政府集中采购", List.of((long) rnd.nextInt(300), amount));
        return t2;
    }

    private static List<Original> originals(SplittableRandom rnd, int i, int year) {
        List<Original> out = new ArrayList<>();
        Instant published = LocalDate.of(Math.min(year + 1, 2025), 1, 15 + rnd.nextInt(14)).atStartOfDay().toInstant(ZoneOffset.UTC);
        String base = "https://www.gov" + (i / YEARS) + ".example.gov.cn/xxgk/ndbg/" + year + "/";
        out.add(original(rnd, base + "t" + i + ".html", published, "html", 2L * i));
        int roll = rnd.nextInt(10);
        if (roll < 5) out.add(original(rnd, base + "P0" + i + ".pdf", published, "pdf", 2L * i + 1));
        else if (roll < 7) out.add(original(rnd, base + "P0" + i + ".doc", published, "doc", 2L * i + 1));
        else if (roll < 8) out.add(original(rnd, base + "P0" + i + ".docx", published, "docx", 2L * i + 1));
        return out;
    }

    private static Original original(SplittableRandom rnd, String url, Instant at, String format, long captureId) {
        byte[] digest = new byte[32];
        for (int k = 0; k < 32; k++) digest[k] = (byte) rnd.nextInt(256);
        return new Original(url, at, HexFormat.of().formatHex(digest), format, captureId, 20_000 + rnd.nextInt(400_000));
    }

    private static String status(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        return r < 90 ? "current" : r < 97 ? "changed" : "removed";
    }

    private static List<String> sentences(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            String flat = t.replaceAll("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})", "").replaceAll("[ \\t]*\\n[ \\t\\n]*", "\n");
            for (String s : SENTENCE_END.split(flat)) {
                String x = s.strip();
                if (x.length() >= 8) out.add(x);
            }
        }
        return List.copyOf(out);
    }

    private record Place(String province, String city, List<String> counties) {
    }

    private static List<Place> places() {
        List<Place> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SyntheticReports.class.getResourceAsStream("places.tsv")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new Place(f[0], f[1], List.of(f[2].split(","))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Agency> agencies(List<Place> places) {
        List<Agency> out = new ArrayList<>();
        java.util.Set<String> provinces = new java.util.LinkedHashSet<>();
        for (Place p : places) provinces.add(p.province());
        for (String prov : provinces) {
            out.add(new Agency(prov + "人民政府", "government", "province", prov, null, null));
            out.add(new Agency(prov + "人民政府办公厅", "general_office", "province", prov, null, null));
        }
        java.util.Map<String, Integer> countyNames = new java.util.HashMap<>();
        for (Place p : places) for (String c : p.counties()) countyNames.merge(c, 1, Integer::sum);
        for (Place p : places) {
            out.add(new Agency(p.city() + "人民政府", "government", "city", p.province(), p.city(), null));
            out.add(new Agency(p.city() + "人民政府办公室", "general_office", "city", p.province(), p.city(), null));
            for (String d : DEPARTMENTS) out.add(new Agency(p.city() + d, "department", "city", p.province(), p.city(), null));
            for (String county : p.counties()) {
                // Names like 白云区 exist in several cities; their agencies print the city too.
                String prefix = countyNames.get(county) > 1 ? p.city() + county : county;
                out.add(new Agency(prefix + "人民政府", "government", "county", p.province(), p.city(), county));
                out.add(new Agency(prefix + "人民政府办公室", "general_office", "county", p.province(), p.city(), county));
                for (String d : DEPARTMENTS) out.add(new Agency(prefix + d, "department", "county", p.province(), p.city(), county));
            }
        }
        return List.copyOf(out);
    }
}
