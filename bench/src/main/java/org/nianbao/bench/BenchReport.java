package org.nianbao.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of one bench run: the machine, the figures, how long it took. Rendered as a Markdown
 * table for people and as JSON for machines.
 */
public record BenchReport(Machine machine, String mode, Instant started, Duration elapsed, List<Figure> figures) {

    public BenchReport {
        figures = List.copyOf(figures);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("nianbao bench ").append(mode).append(", ").append(started).append(", ")
                .append(elapsed.toSeconds()).append(" s\n");
        sb.append("machine: ").append(machine.describe()).append('\n');
        sb.append("figures: median ±half-range over n runs, all pairs measured on the same input in this run\n\n");
        sb.append("| stage | metric | nianbao | peer / limit, same run | ratio | note |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            sb.append("| ").append(cell(f.stage())).append(" | ").append(cell(f.metric())).append(" | ")
                    .append(cell(f.nianbao().format())).append(" | ").append(cell(f.peerText())).append(" | ")
                    .append(f.ratioText()).append(" | ").append(cell(f.note())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    public ObjectNode json(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", mode);
        root.put("started", started.toString());
        root.put("elapsedSeconds", elapsed.toMillis() / 1000.0);
        root.set("machine", mapper.valueToTree(machine));
        ArrayNode rows = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode r = rows.addObject();
            r.put("stage", f.stage());
            r.put("metric", f.metric());
            r.set("nianbao", samples(mapper, f.nianbao()));
            if (f.peerName() != null) r.put("peerName", f.peerName());
            if (f.peer() != null) r.set("peer", samples(mapper, f.peer()));
            if (f.ratio() != null) r.put("ratio", f.ratio());
            r.put("note", f.note());
        }
        return root;
    }

    private static ObjectNode samples(ObjectMapper mapper, Samples s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("median", s.median());
        n.put("min", s.min());
        n.put("max", s.max());
        ArrayNode all = n.putArray("values");
        s.values().forEach(all::add);
        return n;
    }

    /** Writes bench-&lt;time&gt;.json and .md into {@code dir}, and bench-latest.* next to them; returns the JSON file. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String stamp = started.toString().replace(":", "").replaceAll("\\.\\d+", "");
        String json = mapper.writeValueAsString(json(mapper));
        Path file = dir.resolve("bench-" + stamp + ".json");
        Files.writeString(file, json);
        Files.writeString(dir.resolve("bench-" + stamp + ".md"), markdown());
        Files.writeString(dir.resolve("bench-latest.json"), json);
        Files.writeString(dir.resolve("bench-latest.md"), markdown());
        return file;
    }
}
