package org.nianbao.runs.feed;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An Atom 1.0 feed (RFC 4287), written with the JDK's StAX writer so every character is escaped
 * as XML demands. The feed has the required id, title, updated and author; each entry id, title
 * and updated; links are absolute.
 *
 * @param id       the feed's permanent IRI
 * @param title    its title
 * @param selfLink the URL the feed is served at (rel="self"), or null
 * @param updated  when anything in it last changed (used when there are no entries)
 * @param entries  newest first
 */
public record AtomFeed(String id, String title, String selfLink, Instant updated, List<AtomEntry> entries) {
    public static final String NS = "http://www.w3.org/2005/Atom";
    public static final String MEDIA_TYPE = "application/atom+xml; charset=UTF-8";

    public AtomFeed {
        entries = List.copyOf(entries);
    }

    /** The feed as UTF-8 XML. */
    public byte[] toXml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            text(w, "id", id);
            text(w, "title", title);
            Instant latest = entries.stream().map(AtomEntry::updated).max(Instant::compareTo).orElse(updated);
            text(w, "updated", time(latest));
            if (selfLink != null) link(w, "self", selfLink);
            w.writeStartElement("author");
            text(w, "name", "nianbao");
            w.writeEndElement();
            text(w, "generator", "nianbao");
            for (AtomEntry e : entries) {
                w.writeStartElement("entry");
                text(w, "id", e.id());
                text(w, "title", e.title());
                text(w, "updated", time(e.updated()));
                if (e.link() != null) link(w, "alternate", e.link());
                if (e.summary() != null) text(w, "summary", e.summary());
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

    public String toXmlString() {
        return new String(toXml(), StandardCharsets.UTF_8);
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", clean(href));
    }

    /** RFC 3339 in UTC, whole seconds. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** XML 1.0 cannot carry most control characters, not even escaped: drop them. */
    private static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(b::appendCodePoint);
        return b.toString();
    }
}
