package org.nianbao.archive;

import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.Warcinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.warc.Digests;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class WarcArchiveTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private List<Path> warcs() throws Exception {
        try (var s = Files.list(data().resolve("warc"))) {
            return s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    private static List<WarcRecord> readAll(Path warc) throws Exception {
        List<WarcRecord> out = new ArrayList<>();
        try (WarcReader r = new WarcReader(warc)) {
            for (WarcRecord rec : r) {
                // parse what the assertions need before the reader moves on and closes the body
                if (rec instanceof WarcResponse resp) resp.http();
                if (rec instanceof WarcRevisit rev) rev.http();
                if (rec instanceof Warcinfo info) info.fields();
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void storesResponseRequestAndMetadataLinkedAndDigested() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        byte[] pdf = new byte[200_000];
        new Random(1).nextBytes(pdf);
        Capture c;
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            c = archive.store(ex.ok("http://www.beijing.gov.cn/zwgk/2025nb.pdf", "application/pdf", pdf, T0));
            assertThat(archive.capturesAfter(0)).containsExactly(c);
            try (InputStream in = archive.openPayload(c)) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
        }
        assertThat(c.id()).isPositive();
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.contentType()).isEqualTo("application/pdf");
        assertThat(c.length()).isEqualTo(pdf.length);
        assertThat(c.sha1()).isEqualTo(Digests.base32(Digests.sha1().digest(pdf)));
        assertThat(c.sha256()).isEqualTo(Digests.hex(Digests.sha256().digest(pdf)));
        assertThat(c.time()).isEqualTo(T0);
        assertThat(c.revisit()).isFalse();

        assertThat(warcs()).hasSize(1);
        assertThat(Files.list(data().resolve("warc")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".open"));
        List<WarcRecord> records = readAll(warcs().getFirst());
        assertThat(records).extracting(WarcRecord::type).containsExactly("warcinfo", "response", "request", "metadata");
        assertThat(records).allSatisfy(r -> assertThat(r.version()).isEqualTo(MessageVersion.WARC_1_1));
        Warcinfo info = (Warcinfo) records.get(0);
        assertThat(info.fields().first("software")).hasValueSatisfying(s -> assertThat(s).startsWith("nianbao/"));
        assertThat(info.filename()).contains(warcs().getFirst().getFileName().toString());
        WarcResponse resp = (WarcResponse) records.get(1);
        WarcRequest req = (WarcRequest) records.get(2);
        WarcMetadata meta = (WarcMetadata) records.get(3);
        assertThat(resp.target()).isEqualTo("http://www.beijing.gov.cn/zwgk/2025nb.pdf");
        assertThat(resp.date()).isEqualTo(T0);
        assertThat(resp.ipAddress()).hasValueSatisfying(ip -> assertThat(ip.getHostAddress()).isEqualTo("127.0.0.1"));
        assertThat(resp.payloadDigest()).hasValueSatisfying(d -> assertThat(d.base32()).isEqualTo(c.sha1()));
        assertThat(resp.headers().first("X-Payload-Digest-SHA256")).contains("sha256:" + c.sha256());
        assertThat(req.concurrentTo()).contains(resp.id());
        assertThat(meta.concurrentTo()).contains(resp.id());
        assertThat(resp.warcinfoID()).contains(info.id());
        assertThat(c.offset()).isEqualTo(resp.position());
    }

    @Test
    void blockDigestsMatchTheBytesOfEveryRecord() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            archive.store(ex.html("http://www.gov.cn/a.html", "<p>年报</p>", T0));
            archive.store(ex.notModified("http://www.gov.cn/a.html", T0.plusSeconds(60)));
        }
        int checked = 0;
        try (WarcReader r = new WarcReader(warcs().getFirst())) {
            r.calculateBlockDigest();
            for (WarcRecord rec : r) {
                assertThat(rec.blockDigest()).isPresent();
                assertThat(rec.calculatedBlockDigest()).isEqualTo(rec.blockDigest());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(7);
    }

    @Test
    void everyPayloadDigestInTheFilesEqualsTheDigestsOfItsBytes() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        Random random = new Random(11);
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            for (int i = 0; i < 12; i++) {
                byte[] body = new byte[random.nextInt(70_000)];
                random.nextBytes(body);
                archive.store(ex.ok("http://www.gov.cn/p/" + i, "application/octet-stream", body, T0.plusSeconds(i)));
            }
            archive.store(ex.exchange("http://www.gov.cn/chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                    "正文".getBytes(StandardCharsets.UTF_8), T0, null, java.util.Map.of("X-Crawler-Transfer-Encoding", "chunked")));
            archive.store(ex.exchange("http://www.gov.cn/cut", "HTTP/1.1 200 OK\r\nContent-Length: 999999\r\n\r\n",
                    new byte[777], T0, "length", java.util.Map.of()));
            archive.store(ex.exchange("http://www.gov.cn/empty", "HTTP/1.1 204 No Content\r\n\r\n", null, T0, null, java.util.Map.of()));
        }
        int responses = 0;
        try (WarcReader r = new WarcReader(warcs().getFirst())) {
            for (WarcRecord rec : r) {
                if (!(rec instanceof WarcResponse resp)) continue;
                java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
                java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
                byte[] payload = resp.http().body().stream().readAllBytes();
                sha1.update(payload);
                sha256.update(payload);
                assertThat(resp.payloadDigest()).contains(new org.netpreserve.jwarc.WarcDigest(sha1));
                assertThat(resp.headers().first("X-Payload-Digest-SHA256"))
                        .contains("sha256:" + java.util.HexFormat.of().formatHex(sha256.digest()));
                responses++;
            }
        }
        assertThat(responses).isEqualTo(15);
    }

    @Test
    void crawlContextOfEveryCaptureIsReadBackFromItsMetadataRecord() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        String url = "http://www.beijing.gov.cn/zwgk/nb/2025.html";
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            Capture first = archive.store(ex.html(url, "<h1>2025年年度报告</h1>", T0));
            archive.recordOutlinks(first, List.of("http://www.beijing.gov.cn/zwgk/nb/2025.pdf"));
            Capture revisit = archive.store(ex.html(url, "<h1>2025年年度报告</h1>", T0.plusSeconds(60)));
            Exchange seed = ex.html("http://www.beijing.gov.cn/", "<h1>首页</h1>", T0);
            Capture withoutContext = archive.store(new Exchange(seed.url(), seed.request(), seed.responseHead(),
                    seed.responseBody(), seed.serverIp(), seed.started(), seed.finished(), null, null, null, Map.of()));

            assertThat(revisit.revisit()).isTrue();
            CaptureContext expected = new CaptureContext("北京市人民政府", "http://www.beijing.gov.cn/zwgk/");
            assertThat(archive.context(first)).contains(expected);
            assertThat(archive.context(revisit)).as("a revisit has its own metadata record").contains(expected);
            assertThat(archive.context(withoutContext)).contains(new CaptureContext(null, null));
        }
        try (WarcArchive reopened = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            Capture first = reopened.capturesAfter(0).getFirst();
            assertThat(reopened.context(first)).as("read from the closed WARC file")
                    .contains(new CaptureContext("北京市人民政府", "http://www.beijing.gov.cn/zwgk/"));
        }
    }

    @Test
    void identicalPayloadOnASecondCrawlBecomesARevisitThatResolves() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        String url = "http://www.hebei.gov.cn/nb/2025.html";
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            Capture first = archive.store(ex.html(url, "<h1>2025年政府信息公开工作年度报告</h1>", T0));
            Capture second = archive.store(ex.html(url, "<h1>2025年政府信息公开工作年度报告</h1>", T0.plusSeconds(86400)));
            assertThat(second.revisit()).isTrue();
            assertThat(second.sha1()).isEqualTo(first.sha1());
            assertThat(second.sha256()).isEqualTo(first.sha256());
            assertThat(second.length()).isEqualTo(first.length());
            try (InputStream in = archive.openPayload(second)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("年度报告");
            }
            assertThat(archive.history(url)).containsExactly(first, second);
            assertThat(archive.versions("https://HEBEI.gov.cn/nb/2025.html")).extracting(e -> e.capture().id())
                    .as("found by SURT when typed differently").containsExactly(first.id(), second.id());
            assertThat(archive.versions(url)).extracting(e -> e.change().name()).containsExactly("NEW", "UNCHANGED");
        }
        List<WarcRecord> records = readAll(warcs().getFirst());
        WarcResponse original = (WarcResponse) records.get(1);
        WarcRevisit revisit = records.stream().filter(r -> r instanceof WarcRevisit).map(r -> (WarcRevisit) r)
                .findFirst().orElseThrow();
        assertThat(revisit.profile()).isEqualTo(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
        assertThat(revisit.refersTo()).contains(original.id());
        assertThat(revisit.refersToTargetURI()).contains(original.targetURI());
        assertThat(revisit.refersToDate()).contains(original.date());
        assertThat(revisit.payloadDigest()).isEqualTo(original.payloadDigest());
    }

    @Test
    void notModifiedRefersToThePreviousCaptureOfTheUrl() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        String url = "http://www.sz.gov.cn/nb/2024.pdf";
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            Capture first = archive.store(ex.ok(url, "application/pdf", "%PDF-1.7 v1".getBytes(), T0));
            Capture changed = archive.store(ex.ok(url, "application/pdf", "%PDF-1.7 v2".getBytes(), T0.plusSeconds(10)));
            Capture notModified = archive.store(ex.notModified(url, T0.plusSeconds(20)));
            assertThat(changed.revisit()).isFalse();
            assertThat(notModified.revisit()).isTrue();
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.sha1()).isEqualTo(changed.sha1()).isNotEqualTo(first.sha1());
            assertThat(notModified.contentType()).isEqualTo("application/pdf");
            try (InputStream in = archive.openPayload(notModified)) {
                assertThat(in.readAllBytes()).isEqualTo("%PDF-1.7 v2".getBytes());
            }
        }
        WarcRevisit revisit = readAll(warcs().getFirst()).stream().filter(r -> r instanceof WarcRevisit)
                .map(r -> (WarcRevisit) r).findFirst().orElseThrow();
        assertThat(revisit.refersToDate()).contains(T0.plusSeconds(10));
        assertThat(revisit.http().status()).isEqualTo(304);
    }

    @Test
    void storesSafelyFromManyThreadsAtOnce() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        int threads = 6;
        int perThread = 25;
        List<Capture> all = new ArrayList<>();
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults().withMaxFileBytes(40_000), clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<Capture>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int host = t;
                futures.add(pool.submit(() -> {
                    List<Capture> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        byte[] body = new byte[2000 + i * 37];
                        new Random(host * 1000L + i).nextBytes(body);
                        mine.add(archive.store(ex.ok("http://host" + host + ".gov.cn/r/" + i + ".pdf", "application/pdf",
                                body, T0.plusSeconds(i))));
                    }
                    return mine;
                }));
            }
            for (Future<List<Capture>> f : futures) all.addAll(f.get());
            pool.shutdown();
            assertThat(archive.capturesAfter(0)).hasSize(threads * perThread);
            for (Capture c : all) {
                try (InputStream in = archive.openPayload(c)) {
                    assertThat(Digests.PayloadDigest.of(in).sha256()).isEqualTo(c.sha256());
                }
            }
        }
        assertThat(all).extracting(Capture::id).doesNotHaveDuplicates();
        assertThat(warcs().size()).as("rotated at 40 kB").isGreaterThan(5);
        int responses = 0;
        for (Path w : warcs()) {
            List<WarcRecord> recs = readAll(w);
            assertThat(recs.getFirst().type()).isEqualTo("warcinfo");
            responses += (int) recs.stream().filter(r -> r instanceof WarcResponse).count();
        }
        assertThat(responses).isEqualTo(threads * perThread);
    }

    @Test
    void outlinksBecomeAMetadataRecordReferringToTheCapture() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        Capture page;
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            page = archive.store(ex.html("http://www.nx.gov.cn/zwgk/nb/", "<a href=2025.pdf>年报</a>", T0));
            archive.recordOutlinks(page, List.of("http://www.nx.gov.cn/zwgk/nb/2025.pdf", "http://www.nx.gov.cn/zwgk/nb/2024.pdf"));
            assertThat(archive.verify(1, s -> { }).mismatches()).isEmpty();
        }
        WarcResponse response = null;
        WarcMetadata outlinks = null;
        try (WarcReader r = new WarcReader(warcs().getFirst())) {
            for (WarcRecord rec : r) {
                if (rec instanceof WarcResponse resp) response = resp;
                if (rec instanceof WarcMetadata m && m.headers().first("WARC-Refers-To").isPresent()) {
                    outlinks = m;
                    m.fields();
                }
            }
        }
        assertThat(response).isNotNull();
        assertThat(outlinks).isNotNull();
        assertThat(outlinks.headers().first("WARC-Refers-To")).contains("<" + response.id() + ">");
        assertThat(outlinks.targetURI().toString()).isEqualTo(page.url());
        assertThat(outlinks.fields().all("outlink")).containsExactly("http://www.nx.gov.cn/zwgk/nb/2025.pdf",
                "http://www.nx.gov.cn/zwgk/nb/2024.pdf");
    }

    @Test
    void truncatedBodyIsMarkedWarcTruncatedLength() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        byte[] partial = new byte[5000];
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            archive.store(ex.exchange("http://www.gov.cn/big.pdf",
                    "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 999999999\r\n\r\n",
                    partial, T0, "length", java.util.Map.of()));
            // a later complete copy must not become a revisit of the truncated one
            Capture full = archive.store(ex.ok("http://www.gov.cn/big.pdf", "application/pdf", partial, T0.plusSeconds(5)));
            assertThat(full.revisit()).isFalse();
        }
        WarcResponse resp = (WarcResponse) readAll(warcs().getFirst()).get(1);
        assertThat(resp.headers().first("WARC-Truncated")).contains("length");
    }

    @Test
    void chunkedTransferEncodingIsRenamedSoReadersDoNotDechunkTheDecodedBody() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        byte[] body = "<html>已解码的正文</html>".getBytes(StandardCharsets.UTF_8);
        Capture c;
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            c = archive.store(ex.exchange("http://www.gov.cn/chunked.html",
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
                    body, T0, null, java.util.Map.of("X-Crawler-Transfer-Encoding", "chunked", "X-Crawler-Fetch-Attempts", "2")));
            try (InputStream in = archive.openPayload(c)) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }
        }
        try (WarcReader r = new WarcReader(warcs().getFirst())) {
            r.next();
            WarcResponse resp = (WarcResponse) r.next().orElseThrow();
            assertThat(resp.http().headers().first("Transfer-Encoding")).isEmpty();
            assertThat(resp.http().headers().first("X-Crawler-Transfer-Encoding")).contains("chunked");
            assertThat(resp.http().body().stream().readAllBytes()).isEqualTo(body);
            assertThat(resp.headers().first("X-Crawler-Fetch-Attempts")).contains("2");
        }
    }
}
