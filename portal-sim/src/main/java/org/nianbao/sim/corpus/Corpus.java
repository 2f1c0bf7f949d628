package org.nianbao.sim.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared corpus as the build copied it onto the classpath ({@code /corpus/MANIFEST.tsv},
 * {@code docs/}, {@code truth/}). Each file is read once; pages and variants are made from these bytes.
 */
public final class Corpus {
    public static final List<String> FILES = List.of("report.utf8.html", "report.gbk.html", "report.pdf",
            "report.doc", "report.docx", "report.scan.pdf");
    private static final Pattern SITE_NAME = Pattern.compile("<meta name=\"SiteName\" content=\"([^\"]+)\">");

    private final Map<String, CorpusReport> reports;

    private Corpus(Map<String, CorpusReport> reports) {
        this.reports = reports;
    }

    /** Loads the corpus from the classpath; fails clearly when the build did not copy it. */
    public static Corpus load() {
        try {
            String manifest = new String(read("MANIFEST.tsv"), StandardCharsets.UTF_8);
            Map<String, CorpusReport> out = new LinkedHashMap<>();
            ObjectMapper json = new ObjectMapper();
            manifest.lines().filter(l -> l.startsWith("truth/")).map(l -> l.split("\t")[0]).sorted().forEach(path -> {
                String stem = path.substring("truth/".length(), path.length() - ".json".length());
                try {
                    JsonNode t = json.readTree(read(path));
                    Map<String, byte[]> files = new LinkedHashMap<>();
                    for (String f : FILES) files.put(f, read("docs/" + stem + "/" + f));
                    String html = new String(files.get("report.utf8.html"), StandardCharsets.UTF_8);
                    Matcher m = SITE_NAME.matcher(html);
                    String siteName = m.find() ? m.group(1) : t.path("region_city").asText() + "人民政府";
                    out.put(stem, new CorpusReport(stem, t.path("title").asText(), t.path("agency").asText(), t.path("report_year").asInt(),
                            t.path("region_city").asText(), t.path("region_county").isNull() ? null : t.path("region_county").asText(),
                            t.path("portal_url").asText(), siteName, Map.copyOf(files)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (out.isEmpty()) throw new IllegalStateException("the corpus manifest lists no truth files");
            return new Corpus(Map.copyOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus from the classpath (/corpus): " + e.getMessage(), e);
        }
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + path)) {
            if (in == null) throw new IOException("missing /corpus/" + path + " (is the portal-sim jar built with the corpus?)");
            return in.readAllBytes();
        }
    }

    public CorpusReport get(String stem) {
        CorpusReport r = reports.get(stem);
        if (r == null) throw new IllegalArgumentException("no corpus report " + stem);
        return r;
    }

    public List<String> stems() {
        return reports.keySet().stream().sorted().toList();
    }
}
