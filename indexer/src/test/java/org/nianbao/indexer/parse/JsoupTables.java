package org.nianbao.indexer.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.nianbao.indexer.extract.ExtractedDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A minimal HTML reader for parser tests: tables as rows of cells with their spans, text with a line
 * per block. It lets the table path be tested on its own, independent of the production extractors.
 */
final class JsoupTables {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "tr", "li", "table", "br", "td", "th");

    static ExtractedDocument read(Path html) throws IOException {
        Document doc = Jsoup.parse(html.toFile(), null);
        return fromDocument(doc);
    }

    static ExtractedDocument parse(String html) {
        return fromDocument(Jsoup.parse(html));
    }

    private static ExtractedDocument fromDocument(Document doc) {
        List<ExtractedDocument.Table> tables = new ArrayList<>();
        for (Element table : doc.select("table")) {
            List<List<ExtractedDocument.Cell>> rows = new ArrayList<>();
            for (Element tr : table.select("tr")) {
                List<ExtractedDocument.Cell> cells = new ArrayList<>();
                for (Element td : tr.select("td, th")) {
                    cells.add(new ExtractedDocument.Cell(td.text(), span(td.attr("rowspan")), span(td.attr("colspan")), 0));
                }
                rows.add(cells);
            }
            tables.add(new ExtractedDocument.Table(rows));
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) text.append(t.text());
                else if (node instanceof Element e && BLOCKS.contains(e.normalName())) text.append('\n');
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) text.append('\n');
            }
        }, doc.body());
        String cleaned = text.toString().replaceAll("(?m)^[ \\t\\u00a0]+|[ \\t\\u00a0]+$", "").replaceAll("\n{2,}", "\n");
        return new ExtractedDocument("html", doc.title(), cleaned, tables, 1, "markup", List.of(), null, List.of());
    }

    private static int span(String attr) {
        try {
            return attr.isBlank() ? 1 : Math.max(1, Integer.parseInt(attr.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private JsoupTables() {
    }
}
