package org.nianbao.archive.warc;

import org.nianbao.archive.ArchiveException;
import org.nianbao.archive.Exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An exchange checked and digested before the writer lock is taken: the HTTP head as it will be
 * stored, and the block and payload digests of the response record (one pass over the body file).
 *
 * @param exchange    the crawler's exchange
 * @param head        the response head to store (Transfer-Encoding renamed, see {@link HttpHead#forDecodedBody})
 * @param headBytes   {@code head} serialized
 * @param blockSha1   SHA-1 (base32) of head + body: the response record's block
 * @param payload     digests and length of the body
 * @param date        the capture time written as WARC-Date (millisecond precision)
 */
public record PreparedExchange(Exchange exchange, HttpHead head, byte[] headBytes, String blockSha1,
                               Digests.PayloadDigest payload, Instant date) {

    public static PreparedExchange of(Exchange ex) throws IOException {
        if (ex == null) throw new ArchiveException("no exchange given");
        if (ex.url() == null) throw new ArchiveException("exchange without URL");
        if (ex.started() == null) throw new ArchiveException("exchange for " + ex.url() + " without start time");
        Path body = ex.responseBody();
        if (body != null && !Files.isRegularFile(body)) {
            throw new ArchiveException("response body of " + ex.url() + " is missing: " + body);
        }
        long bodyLength = body == null ? 0 : Files.size(body);
        HttpHead head;
        try {
            head = HttpHead.parse(ex.responseHead()).forDecodedBody(ex.notes(), bodyLength, ex.truncated() != null);
        } catch (IllegalArgumentException e) {
            throw new ArchiveException("bad response head for " + ex.url() + ": " + e.getMessage(), e);
        }
        byte[] headBytes = head.toBytes();
        MessageDigest block = Digests.sha1();
        block.update(headBytes);
        MessageDigest s1 = Digests.sha1();
        MessageDigest s256 = Digests.sha256();
        long total = 0;
        if (body != null) {
            try (InputStream in = Files.newInputStream(body)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    block.update(buf, 0, n);
                    s1.update(buf, 0, n);
                    s256.update(buf, 0, n);
                    total += n;
                }
            }
        }
        Digests.PayloadDigest payload = new Digests.PayloadDigest(Digests.base32(s1.digest()),
                Digests.hex(s256.digest()), total);
        return new PreparedExchange(ex, head, headBytes, Digests.base32(block.digest()), payload,
                ex.started().truncatedTo(ChronoUnit.MILLIS));
    }

    public int status() {
        return head.status();
    }
}
