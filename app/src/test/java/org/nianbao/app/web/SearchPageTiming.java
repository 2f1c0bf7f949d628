package org.nianbao.app.web;

import org.nianbao.indexer.search.ReportSearcher;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures the search page's time to first byte over a real socket against a built index (a benchmark run by
 * hand, not a unit test): {@code SearchPageTiming INDEX_DIR [RUNS]}. Prints median and p95 per query.
 */
public final class SearchPageTiming {

    private static final List<String> QUERIES = List.of(
            "/search",
            "/search?q=" + WebTestData.enc("行政诉讼"),
            "/search?q=" + WebTestData.enc("政府信息公开"),
            "/search?q=" + WebTestData.enc("\"依申请公开\" AND 复议"),
            "/search?q=&facet=" + WebTestData.enc("year:2020") + "&facet=" + WebTestData.enc("admin_level:county"),
            "/search?q=" + WebTestData.enc("t3.新收.总计:>=100") + "&sort=" + WebTestData.enc("t3.新收.总计"),
            "/search?q=" + WebTestData.enc("行政复议") + "&offset=200",
            // the same search through the JSON API: what the index costs without the page
            "/api/search?q=" + WebTestData.enc("政府信息公开") + "&limit=20");

    /** Pages that walk every match (no result window): measured a few times only. */
    private static final List<String> WALKS = List.of(
            "/stats?q=" + WebTestData.enc("行政诉讼"),
            "/stats?q=&facet=" + WebTestData.enc("year:2020"));

    private SearchPageTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (ReportSearcher searcher = ReportSearcher.open(index);
             WebServer server = new WebServer(searcher, "127.0.0.1", 0).start()) {
            System.out.printf(Locale.ROOT, "cores %d, runs %d per query%n", Runtime.getRuntime().availableProcessors(), runs);
            for (String q : QUERIES) for (int i = 0; i < 3; i++) ttfb(server.port(), q); // warm-up
            for (String q : concat(QUERIES, WALKS)) {
                List<Double> ms = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i < (WALKS.contains(q) ? 3 : runs); i++) {
                    double[] r = ttfb(server.port(), q);
                    ms.add(r[0]);
                    bytes = (long) r[1];
                }
                Collections.sort(ms);
                System.out.printf(Locale.ROOT, "%-70s ttfb p50 %6.1f ms  p95 %6.1f ms  page %d bytes%n", java.net.URLDecoder.decode(q, StandardCharsets.UTF_8),
                        ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), bytes);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** [milliseconds until the first response byte, response bytes]. */
    private static double[] ttfb(int port, String pathAndQuery) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int first = in.read();
            double ms = (System.nanoTime() - t0) / 1e6;
            long n = first < 0 ? 0 : 1;
            byte[] buf = new byte[65536];
            for (int k; (k = in.read(buf)) > 0; ) n += k;
            return new double[] {ms, n};
        }
    }
}
