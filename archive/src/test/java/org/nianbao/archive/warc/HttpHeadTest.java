package org.nianbao.archive.warc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpHeadTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anUntouchedHeadIsStoredByteForByte() {
        byte[] raw = bytes("HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; charset=GBK\r\nX-Odd:  spaced \r\n\r\n");
        HttpHead head = HttpHead.parse(raw).forDecodedBody(Map.of(), 10, false);
        assertThat(head.toBytes()).isEqualTo(raw);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).isEqualTo("text/html");
    }

    @Test
    void decodedContentEncodingIsRenamedAndTheLengthSaysWhatIsStored() {
        HttpHead head = HttpHead.parse(bytes("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 120\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"))
                .forDecodedBody(Map.of("X-Crawler-Content-Encoding", "gzip", "X-Crawler-Transfer-Encoding", "chunked"), 480, false);
        String text = new String(head.toBytes(), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("X-Crawler-Content-Encoding: gzip\r\n", "X-Crawler-Transfer-Encoding: chunked\r\n",
                "X-Crawler-Content-Length: 120\r\n", "Content-Length: 480\r\n").endsWith("\r\n\r\n");
        assertThat(head.header("Content-Encoding")).isEmpty();
        assertThat(head.header("Transfer-Encoding")).isEmpty();
        assertThat(head.header("Content-Length")).contains("480");
    }

    @Test
    void aTruncatedBodyKeepsTheDeclaredLength() {
        HttpHead head = HttpHead.parse(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 9000\r\n\r\n"))
                .forDecodedBody(Map.of(), 100, true);
        assertThat(head.header("Content-Length")).contains("9000");
        assertThat(head.header("X-Crawler-Transfer-Encoding")).contains("chunked");
    }

    @Test
    void somethingThatIsNotAStatusLineIsRefused() {
        assertThatThrownBy(() -> HttpHead.parse(bytes("<html>\r\n\r\n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an HTTP status line");
        assertThatThrownBy(() -> HttpHead.parse(bytes("HTTP/1.1 abc\r\n\r\n"))).hasMessageContaining("bad HTTP status");
    }
}
