package org.nianbao.archive.warc;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.nianbao.archive.Exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a prepared exchange into its WARC 1.1 records: a response (or revisit), the request, and a
 * metadata record, linked by WARC-Concurrent-To. Digests are ours (jwarc does not compute them).
 */
public final class ExchangeRecords {
    /** Extension header carrying the payload's SHA-256, next to the SHA-1 WARC-Payload-Digest. */
    public static final String SHA256_HEADER = "X-Payload-Digest-SHA256";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** What a revisit points at: the original response record. */
    public record Original(String recordId, String url, Instant date, String sha1) {
    }

    private ExchangeRecords() {
    }

    /** Records for a fresh payload; {@code opened} collects the streams to close after writing. */
    public static List<WarcRecord> response(PreparedExchange p, URI warcinfoId, List<InputStream> opened)
            throws IOException {
        Exchange ex = p.exchange();
        InputStream block = new ByteArrayInputStream(p.headBytes());
        if (ex.responseBody() != null) {
            InputStream body = Files.newInputStream(ex.responseBody());
            opened.add(body);
            block = new SequenceInputStream(block, body);
        }
        WarcResponse.Builder b = new WarcResponse.Builder(ex.url())
                .version(MessageVersion.WARC_1_1)
                .date(p.date())
                .body(MediaType.HTTP_RESPONSE, Channels.newChannel(block), p.headBytes().length + p.payload().length())
                .blockDigest("sha1", p.blockSha1())
                .payloadDigest("sha1", p.payload().sha1())
                .addHeader(SHA256_HEADER, "sha256:" + p.payload().sha256());
        common(b, p, warcinfoId);
        notes(b, p);
        if (ex.truncated() != null) b.truncated(truncationReason(ex.truncated()));
        WarcResponse response = b.build();
        return withRequestAndMetadata(response, p, warcinfoId);
    }

    /** Records for a payload already archived: a revisit referring to the original. */
    public static List<WarcRecord> revisit(PreparedExchange p, Original original, URI warcinfoId, String sha256)
            throws IOException {
        byte[] head = p.headBytes();
        WarcRevisit.Builder b = new WarcRevisit.Builder(p.exchange().url(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1)
                .date(p.date())
                .body(MediaType.HTTP_RESPONSE, head)
                .blockDigest("sha1", Digests.base32(Digests.sha1().digest(head)))
                .payloadDigest("sha1", original.sha1())
                .addHeader(SHA256_HEADER, "sha256:" + sha256)
                .refersTo(URI.create(original.recordId()), original.url(), original.date());
        common(b, p, warcinfoId);
        notes(b, p);
        return withRequestAndMetadata(b.build(), p, warcinfoId);
    }

    /** The crawler's notes that the stored HTTP head does not already carry become WARC extension headers. */
    private static void notes(WarcCaptureRecord.AbstractBuilder<?, ?> b, PreparedExchange p) {
        p.exchange().notes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(note -> {
            String name = note.getKey().trim();
            String value = note.getValue() == null ? "" : note.getValue().replaceAll("[\\r\\n]", " ");
            if (name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") && p.head().header(name).isEmpty()) b.addHeader(name, value);
        });
    }

    private static void common(WarcCaptureRecord.AbstractBuilder<?, ?> b, PreparedExchange p, URI warcinfoId)
            throws IOException {
        if (warcinfoId != null) b.warcinfoId(warcinfoId);
        String ip = p.exchange().serverIp();
        if (ip != null && IP_LITERAL.matcher(ip).matches()) {
            try {
                b.ipAddress(InetAddress.getByName(ip)); // a literal: no DNS lookup
            } catch (java.net.UnknownHostException notAnAddress) {
                // a malformed address is left out rather than failing the capture
            }
        }
    }

    private static List<WarcRecord> withRequestAndMetadata(WarcCaptureRecord main, PreparedExchange p,
                                                           URI warcinfoId) throws IOException {
        Exchange ex = p.exchange();
        List<WarcRecord> records = new ArrayList<>(3);
        records.add(main);
        if (ex.request() != null && ex.request().length > 0) {
            WarcRequest.Builder rb = new WarcRequest.Builder(ex.url())
                    .version(MessageVersion.WARC_1_1)
                    .date(p.date())
                    .body(MediaType.HTTP_REQUEST, ex.request())
                    .blockDigest("sha1", Digests.base32(Digests.sha1().digest(ex.request())))
                    .concurrentTo(main.id());
            common(rb, p, warcinfoId);
            records.add(rb.build());
        }
        byte[] fields = WarcFileWriter.WarcFields.toBytes(metadataFields(p));
        WarcMetadata.Builder mb = new WarcMetadata.Builder()
                .version(MessageVersion.WARC_1_1)
                .targetURI(ex.url())
                .date(p.date())
                .body(MediaType.WARC_FIELDS, fields)
                .blockDigest("sha1", Digests.base32(Digests.sha1().digest(fields)))
                .concurrentTo(main.id());
        if (warcinfoId != null) mb.warcinfoId(warcinfoId);
        records.add(mb.build());
        return records;
    }

    private static Map<String, String> metadataFields(PreparedExchange p) {
        Exchange ex = p.exchange();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("seed-unit", ex.seedUnit());
        f.put("via", ex.referrer());
        f.put("fetch-started", ex.started().toString());
        f.put("fetch-finished", ex.finished() == null ? null : ex.finished().toString());
        f.put("payload-length", Long.toString(p.payload().length()));
        f.put("payload-digest-sha256", "sha256:" + p.payload().sha256());
        f.put("truncated", ex.truncated());
        ex.notes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> f.put(e.getKey(), e.getValue()));
        return f;
    }

    /** A metadata record listing a capture's outlinks, referring to the capture's record. */
    public static WarcRecord outlinks(String url, String recordId, Instant captureTime, List<String> outlinks,
                                      Instant now, URI warcinfoId) {
        StringBuilder sb = new StringBuilder();
        for (String link : outlinks) {
            if (link != null && !link.isBlank()) sb.append("outlink: ").append(link.replaceAll("[\\r\\n]", " ")).append("\r\n");
        }
        byte[] fields = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        WarcMetadata.Builder mb = new WarcMetadata.Builder()
                .version(MessageVersion.WARC_1_1)
                .targetURI(url)
                .date(now)
                .body(MediaType.WARC_FIELDS, fields)
                .blockDigest("sha1", Digests.base32(Digests.sha1().digest(fields)))
                .addHeader("WARC-Refers-To", "<" + recordId + ">")
                .addHeader("WARC-Refers-To-Date", captureTime.toString());
        if (warcinfoId != null) mb.warcinfoId(warcinfoId);
        return mb.build();
    }

    static WarcTruncationReason truncationReason(String why) {
        return switch (why.toLowerCase(Locale.ROOT)) {
            case "length" -> WarcTruncationReason.LENGTH;
            case "time" -> WarcTruncationReason.TIME;
            case "disconnect" -> WarcTruncationReason.DISCONNECT;
            default -> WarcTruncationReason.UNSPECIFIED;
        };
    }
}
