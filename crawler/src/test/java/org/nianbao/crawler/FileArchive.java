package org.nianbao.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nianbao.archive.Archive;
import org.nianbao.archive.Capture;
import org.nianbao.archive.Exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A small real archive for crawler tests: every exchange is appended to an index file (one JSON line,
 * flushed before store returns) with its body copied next to it, so it survives a killed process just
 * like the WARC archive does. Also keeps the request bytes and response head for assertions.
 */
final class FileArchive implements Archive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final Path index;
    private final List<Capture> captures = new ArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();

    FileArchive(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.index = dir.resolve("index.jsonl");
        if (Files.exists(index)) {
            for (String line : Files.readAllLines(index)) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                captures.add(new Capture(n.get("id").asLong(), n.get("url").asText(), Instant.parse(n.get("time").asText()),
                        n.get("status").asInt(), n.get("contentType").isNull() ? null : n.get("contentType").asText(),
                        n.get("length").asLong(), "", n.get("sha256").asText(), "bodies", 0, 0, false));
            }
        }
    }

    @Override
    public synchronized Capture store(Exchange x) throws IOException {
        long id = captures.size() + 1;
        Path bodies = Files.createDirectories(dir.resolve("bodies"));
        long length = 0;
        String sha = "";
        if (x.responseBody() != null) {
            Path copy = bodies.resolve(id + ".bin");
            Files.copy(x.responseBody(), copy, StandardCopyOption.REPLACE_EXISTING);
            length = Files.size(copy);
            try {
                sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        String head = new String(x.responseHead(), StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.split(" ")[1].strip());
        String contentType = null;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-type:")) contentType = line.substring(13).strip();
        }
        Capture c = new Capture(id, x.url().toString(), x.finished(), status, contentType, length, "", sha, "bodies", 0, 0, false);
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id).put("url", c.url()).put("time", c.time().toString()).put("status", status)
                .put("contentType", contentType).put("length", length).put("sha256", sha);
        Files.writeString(index, n + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        captures.add(c);
        exchanges.add(x);
        return c;
    }

    @Override
    public synchronized List<Capture> capturesAfter(long afterId) {
        return captures.stream().filter(c -> c.id() > afterId).toList();
    }

    @Override
    public synchronized List<Capture> history(String url) {
        return captures.stream().filter(c -> c.url().equals(url)).toList();
    }

    @Override
    public InputStream openPayload(Capture capture) throws IOException {
        Path p = dir.resolve("bodies").resolve(capture.id() + ".bin");
        return Files.exists(p) ? Files.newInputStream(p) : new ByteArrayInputStream(new byte[0]);
    }

    synchronized List<Capture> captures() {
        return List.copyOf(captures);
    }

    /** Exchanges stored by this process (not re-read after a restart). */
    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    @Override
    public void close() {
    }
}
