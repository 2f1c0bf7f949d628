package org.nianbao.indexer.extract.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractedDocument.Cell;
import org.nianbao.indexer.extract.ExtractedDocument.Table;
import org.nianbao.indexer.extract.ExtractionContext;
import org.nianbao.indexer.extract.Format;
import org.nianbao.indexer.extract.FormatExtractor;
import org.nianbao.indexer.extract.table.TableAssembler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** HTML pages: the article body without chrome, its tables with rowspan/colspan, and the page's links. */
public final class HtmlExtractor implements FormatExtractor {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "section", "article", "tr", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "hr");

    private final CharsetSniffer sniffer = new CharsetSniffer();
    private final MainContentFinder contentFinder = new MainContentFinder();

    @Override
    public ExtractedDocument extract(byte[] bytes, ExtractionContext ctx) {
        CharsetSniffer.Sniffed cs = sniffer.sniff(bytes, ctx.contentTypeHint());
        String html = new String(bytes, cs.bomLength(), bytes.length - cs.bomLength(), cs.charset());
        String base = ctx.nameHint() != null && ctx.nameHint().matches("(?i)https?://.*") ? ctx.nameHint() : "";
        Document doc = Jsoup.parse(html, base);
        List<String> warnings = new ArrayList<>();
        if (html.indexOf('\uFFFD') >= 0) warnings.add("some bytes are not valid " + cs.charset().name() + " (charset from " + cs.source() + ")");

        List<String> links = links(doc);
        String title = title(doc);
        Element main = contentFinder.find(doc);

        List<Table> tables = new ArrayList<>();
        for (Element t : main.select("table")) tables.add(table(t));
        StringBuilder text = new StringBuilder();
        if (title != null && !main.text().contains(title)) text.append(title).append('\n');
        appendText(main, text);
        String plain = tidy(text.toString());
        return new ExtractedDocument(Format.HTML.id(), title, plain, tables, 1, "markup", warnings, null, links);
    }

    private static String title(Document doc) {
        Element meta = doc.selectFirst("meta[name=ArticleTitle]");
        if (meta != null && !meta.attr("content").isBlank()) return meta.attr("content").trim();
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) return h1.text().trim();
        String t = doc.title().trim();
        if (t.isEmpty()) return null;
        // "<report title>_<site name>" is the usual CMS pattern.
        int cut = t.lastIndexOf('_');
        return cut > 0 ? t.substring(0, cut).trim() : t;
    }

    private static List<String> links(Document doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href").trim();
            String lower = href.toLowerCase(Locale.ROOT);
            if (href.isEmpty() || href.startsWith("#") || lower.startsWith("javascript:") || lower.startsWith("mailto:")) continue;
            String abs = a.absUrl("href");
            out.add(abs.isEmpty() ? href : abs);
        }
        return List.copyOf(out);
    }

    static Table table(Element table) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Element tr : table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr")) {
            List<Cell> row = new ArrayList<>();
            for (Element td : tr.children()) {
                if (!td.tagName().equals("td") && !td.tagName().equals("th")) continue;
                row.add(new Cell(cellText(td), span(td.attr("rowspan")), span(td.attr("colspan")), 0));
            }
            rows.add(row);
        }
        return new Table(rows);
    }

    private static String cellText(Element td) {
        StringBuilder sb = new StringBuilder();
        appendText(td, sb);
        return tidy(sb.toString()).replace('\n', ' ').trim();
    }

    private static int span(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            return n < 1 ? 1 : Math.min(n, 1000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Text in reading order: blocks on their own lines, table rows as tab-separated cells. */
    private static void appendText(Node node, StringBuilder sb) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode tn) {
                sb.append(tn.text());
            } else if (child instanceof Element e) {
                String tag = e.tagName();
                if (tag.equals("table")) {
                    newline(sb);
                    sb.append(TableAssembler.asText(table(e)));
                    continue;
                }
                if (tag.equals("td") || tag.equals("th")) {
                    appendText(e, sb);
                    sb.append('\t');
                    continue;
                }
                boolean block = BLOCKS.contains(tag);
                if (block) newline(sb);
                appendText(e, sb);
                if (block) newline(sb);
            }
        }
    }

    private static void newline(StringBuilder sb) {
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
    }

    /** Collapses runs of spaces (including the ideographic and no-break ones) and blank lines. */
    static String tidy(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = line.replace('\u00A0', ' ').replaceAll("[ \\x0B\\f\\r]+", " ").strip();
            if (!l.isEmpty()) out.append(l).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
