package org.nianbao.indexer.extract.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a portal page's article body without the site chrome: removes header, navigation, footer,
 * breadcrumbs, share bars and metadata boxes, then takes the element whose own paragraphs and tables
 * hold the most text (government CMSes put the report in one such container: #zoom, .TRS_Editor, …).
 */
public final class MainContentFinder {
    private static final Pattern CHROME = Pattern.compile(
            "(^|[-_ ])(header|head|top|nav|navbar|menu|footer|foot|bottom|crumbs?|breadcrumbs?|location|position|"
                    + "share|bdshare|sidebar|side|links?|copyright|print|xxgk-meta|meta|toolbar|search)([-_ ]|$)");
    private static final List<String> CHROME_TAGS = List.of("header", "nav", "footer", "aside", "script", "style",
            "noscript", "iframe", "form", "button", "select", "input", "object", "embed");

    /** Removes chrome in place and returns the best content element (the body when nothing better). */
    public Element find(Document doc) {
        for (String t : CHROME_TAGS) doc.select(t).remove();
        for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            if (e == doc.body() || e.parent() == null) continue;
            String key = (e.id() + " " + e.className()).toLowerCase(Locale.ROOT);
            if (!key.isBlank() && CHROME.matcher(key).find() && !holdsDataTable(e)) e.remove();
        }
        Element body = doc.body();
        if (body == null) return doc;
        Element best = body;
        int bestScore = 0;
        for (Element e : body.getAllElements()) {
            int score = ownBlockText(e);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }

    /** Text held by the element's direct paragraph-like and table children. */
    private static int ownBlockText(Element e) {
        int n = 0;
        for (Element c : e.children()) {
            String tag = c.tagName();
            if (tag.equals("p") || tag.equals("table") || tag.matches("h[1-6]") || tag.equals("section")
                    || tag.equals("div") && c.select("div, p, table").isEmpty() || tag.equals("span") || tag.equals("font")
                    || tag.equals("ul") || tag.equals("ol") || tag.equals("pre") || tag.equals("blockquote")) {
                n += c.text().length();
            }
        }
        return n;
    }

    /** A "meta"-like class on a container that actually holds the report's tables must not be removed. */
    private static boolean holdsDataTable(Element e) {
        return e.select("table").size() > 1 && e.text().length() > 2000;
    }
}
