package org.nianbao.app.web;

import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.search.ReportHit;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * {@code GET /feeds/search.atom?q=…}: an Atom 1.0 feed (RFC 4287) of a search's reports, newest report year first,
 * written with the JDK's StAX writer so every character is escaped as XML demands.
 */
final class SearchFeed {

    static final String MEDIA_TYPE = "application/atom+xml; charset=UTF-8";
    static final int ENTRIES = 50;

    private SearchFeed() {
    }

    /** The request the feed runs: the page's search, sorted by year, the first {@link #ENTRIES} reports. */
    static SearchRequest request(SearchRequest page) {
        return new SearchRequest(page.query(), page.facets(), "year", ENTRIES, 0);
    }

    static byte[] render(SearchRequest req, SearchResult r, String base, Instant now) {
        String params = SearchLinks.of(req.withSort(null)).params();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            text(w, "id", "tag:nianbao,2026:search" + params);
            text(w, "title", "nianbao 年报检索：" + (req.query().isBlank() ? "全部" : req.query()) + (req.facets().isEmpty() ? "" : " " + req.facets()));
            Instant updated = r.hits().stream().map(SearchFeed::updated).max(Comparator.naturalOrder()).orElse(now);
            text(w, "updated", time(updated));
            link(w, "self", base + "/feeds/search.atom" + params, MEDIA_TYPE);
            link(w, "alternate", base + "/search" + params, "text/html");
            w.writeStartElement("author");
            text(w, "name", "nianbao");
            w.writeEndElement();
            text(w, "generator", "nianbao");
            for (ReportHit h : r.hits()) {
                w.writeStartElement("entry");
                text(w, "id", "tag:nianbao,2026:report/" + Html.pathEncode(h.id()));
                text(w, "title", h.title() == null || h.title().isBlank() ? h.id() : h.title());
                text(w, "updated", time(updated(h)));
                link(w, "alternate", base + "/reports/" + Html.pathEncode(h.id()), "text/html");
                StringBuilder summary = new StringBuilder();
                summary.append(nz(h.agency())).append(" · ").append(nz(h.region())).append(" · ").append(h.year() == null ? "" : h.year() + "年度");
                for (String[] f : SearchPage.KEY_FIGURES) {
                    Number v = h.figures().get(f[0]);
                    if (v != null) summary.append(" · ").append(f[1]).append(' ').append(v);
                }
                if (!h.checksHold()) summary.append(" · 表格勾稽不符");
                text(w, "summary", summary.toString());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Instant updated(ReportHit h) {
        return h.originals().stream().map(Original::captureTime).filter(t -> t != null).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type.split(";")[0]);
        w.writeAttribute("href", clean(href));
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** XML 1.0 cannot carry most control characters, not even escaped. */
    private static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .forEach(b::appendCodePoint);
        return b.toString();
    }
}
