package org.nianbao.runs.feed;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedTest {
    private static final String NS = "http://www.w3.org/2005/Atom";

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void feedCarriesTheRequiredElementsAndEscapesWhatXmlCannotHold() throws Exception {
        AtomFeed feed = new AtomFeed("urn:nianbao:feed:test", "报告 <changes> & more", "http://127.0.0.1:1/feeds/x.atom",
                Instant.parse("2026-01-01T00:00:00Z"), List.of(
                new AtomEntry("urn:nianbao:change:new:7", "[new] 吴忠市 2020 \u0001report", "http://x.gov.cn/a?b=1&c=2",
                        Instant.parse("2026-11-23T03:00:00.123Z"), "line 1\nline <2>")));
        Document d = parse(feed.toXml());
        Element root = d.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(text(root, "title")).isEqualTo("报告 <changes> & more");
        assertThat(text(root, "updated")).isEqualTo("2026-11-23T03:00:00Z");
        assertThat(root.getElementsByTagNameNS(NS, "author").getLength()).isEqualTo(1);
        Element entry = (Element) root.getElementsByTagNameNS(NS, "entry").item(0);
        assertThat(text(entry, "id")).isEqualTo("urn:nianbao:change:new:7");
        assertThat(text(entry, "title")).isEqualTo("[new] 吴忠市 2020 report");
        assertThat(((Element) entry.getElementsByTagNameNS(NS, "link").item(0)).getAttribute("href")).isEqualTo("http://x.gov.cn/a?b=1&c=2");
        assertThat(text(entry, "summary")).isEqualTo("line 1\nline <2>");
    }

    @Test
    void anEmptyFeedIsStillValidAndDatedByItsCreation() throws Exception {
        Document d = parse(new AtomFeed("urn:x", "t", null, Instant.parse("2026-05-01T10:00:00Z"), List.of()).toXml());
        assertThat(text(d.getDocumentElement(), "updated")).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(d.getDocumentElement().getElementsByTagNameNS(NS, "entry").getLength()).isZero();
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(NS, name).item(0).getTextContent();
    }
}
