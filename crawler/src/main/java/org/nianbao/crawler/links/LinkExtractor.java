package org.nianbao.crawler.links;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links in a page the way a reader's browser would: anchors and frames (jsoup), links built
 * by the scripts of common government CMSs (TRS {@code createPageHTML}, Hanweb {@code <datastore>} +
 * {@code dataproxy.jsp}), and URLs that only appear inside JavaScript. Each pattern is recognised
 * wherever it occurs, never by host name.
 */
public final class LinkExtractor {

    private static final Pattern TRS_PAGER = Pattern.compile("createPageHTML\\s*\\(([^)]*)\\)");
    private static final Pattern HANWEB_TOTAL = Pattern.compile("(?i)totalRecords?\\s*(?:>|[:=]\\s*['\"]?)\\s*(\\d+)");
    private static final Pattern HANWEB_PERPAGE = Pattern.compile("(?i)perPage\\s*(?:>|[:=]\\s*['\"]?)\\s*(\\d+)");
    private static final Pattern RECORD = Pattern.compile("(?s)<record>\\s*<!\\[CDATA\\[(.*?)]]>\\s*</record>");
    private static final Pattern NEXTGROUP = Pattern.compile("(?s)<nextgroup>\\s*<!\\[CDATA\\[(.*?)]]>");
    private static final Pattern JS_NAVIGATION = Pattern.compile(
            "(?:window\\.open|location\\.(?:replace|assign))\\s*\\(\\s*['\"]([^'\"]+)['\"]|location(?:\\.href)?\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern JS_STRING = Pattern.compile(
            "['\"]((?:https?://|/|\\.{1,2}/)[^'\"\\s<>]{1,400}|[\\w\\-./%]+\\.(?:s?html?|jsp|aspx?|php|pdf|docx?|xlsx?|wps|ofd|zip|rar)(?:\\?[^'\"\\s<>]*)?)['\"]");
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "(?i)\\.(js|css|png|jpe?g|gif|ico|svg|webp|bmp|woff2?|ttf|eot|swf|mp4|mp3|map)(\\?|$)");
    private static final Pattern PAGE_PARAM = Pattern.compile("(?i)(^|&)(page|pageno|pageindex|pagenum|currentpage|curpage|p|pn|startrecord)=");
    private static final Pattern PAGE_WORDS = Pattern.compile("^(下一?页|上一?页|首页|尾页|末页|前页|后页|next|prev|\\d{1,4}|>|>>|<|<<|›|»)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX_N = Pattern.compile("(index|list|default)(_\\d+)?\\.s?html?$");
    private static final Pattern META_REFRESH = Pattern.compile("(?i)url\\s*=\\s*['\"]?([^'\";\\s]+)");

    private final UrlNormalizer normalizer;

    public LinkExtractor(UrlNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Links in a decoded HTML, XML or script body fetched from {@code base}. */
    public List<Link> extract(URI base, String text) {
        Map<String, Link> out = new LinkedHashMap<>();
        Document doc = Jsoup.parse(text, base.toString());
        URI docBase = baseOf(doc, base);
        Found found = Found.in(doc);
        for (Element a : found.anchors) {
            String href = a.attr("href");
            String anchor = anchorOf(a);
            if (href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                scriptLinks(docBase, href, anchor, out);
                continue;
            }
            add(out, docBase, href, anchor, false);
        }
        for (Element f : found.frames) add(out, docBase, f.attr("src"), f.attr("title"), false);
        for (Element m : found.refreshes) {
            Matcher mm = META_REFRESH.matcher(m.attr("content"));
            if (mm.find()) add(out, docBase, mm.group(1), "", false);
        }
        for (Element e : found.onclicks) scriptLinks(docBase, e.attr("onclick"), anchorOf(e), out);
        for (Element s : found.scripts) {
            String code = s.data();
            if (code.contains("<datastore") || code.contains("<record")) {
                hanwebRecords(docBase, code, out);
            } else {
                scriptLinks(docBase, code, null, out);
            }
        }
        // A dataproxy answer is bare XML; jsoup keeps CDATA as comments, so read the records directly.
        if (text.contains("<datastore") && !text.regionMatches(true, 0, "<!doctype html", 0, 14)) hanwebRecords(docBase, text, out);
        trsPages(docBase, text, out);
        hanwebPages(docBase, text, out);
        markPaging(base, out);
        return List.copyOf(out.values());
    }

    private static final Pattern REFRESH = Pattern.compile("(?i)refresh");

    /**
     * The elements that carry links, gathered in one walk over the document (five {@code select}
     * calls walked it five times), each list in document order as {@code select} returns it:
     * {@code a[href], area[href]}; {@code frame[src], iframe[src]}; {@code meta[http-equiv~=(?i)refresh][content]};
     * {@code [onclick]}; {@code script:not([src])}.
     */
    private record Found(List<Element> anchors, List<Element> frames, List<Element> refreshes, List<Element> onclicks,
                         List<Element> scripts) {
        static Found in(Document doc) {
            Found f = new Found(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Element e : doc.getAllElements()) {
                switch (e.normalName()) {
                    case "a", "area" -> {
                        if (e.hasAttr("href")) f.anchors.add(e);
                    }
                    case "frame", "iframe" -> {
                        if (e.hasAttr("src")) f.frames.add(e);
                    }
                    case "meta" -> {
                        if (e.hasAttr("http-equiv") && e.hasAttr("content") && REFRESH.matcher(e.attr("http-equiv")).find()) {
                            f.refreshes.add(e);
                        }
                    }
                    case "script" -> {
                        if (!e.hasAttr("src")) f.scripts.add(e);
                    }
                    default -> { }
                }
                if (e.hasAttr("onclick")) f.onclicks.add(e);
            }
            return f;
        }
    }

    private static URI baseOf(Document doc, URI fallback) {
        try {
            return URI.create(doc.location().isEmpty() ? fallback.toString() : doc.baseUri());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String anchorOf(Element e) {
        String t = e.text().strip();
        if (t.isEmpty()) t = e.attr("title").strip();
        if (t.isEmpty()) {
            Element img = e.selectFirst("img[alt]");
            if (img != null) t = img.attr("alt").strip();
        }
        return t;
    }

    private void add(Map<String, Link> out, URI base, String href, String anchor, boolean paging) {
        if (href == null || NOT_A_PAGE.matcher(href).find()) return;
        String url = normalizer.resolve(base, href.replace("&amp;", "&"));
        if (url == null) return;
        Link existing = out.get(url);
        String words = anchor == null ? "" : anchor;
        // Keep the most telling words when a URL is linked twice (an icon, then a title).
        if (existing == null || (existing.anchor().isEmpty() && !words.isEmpty()) || (paging && !existing.paging())) {
            out.put(url, new Link(url, words.isEmpty() && existing != null ? existing.anchor() : words,
                    paging || (existing != null && existing.paging())));
        }
    }

    private static final Pattern JS_ARRAY = Pattern.compile("\\[\\s*((?:['\"][^'\"]*['\"]\\s*,\\s*)*['\"][^'\"]*['\"])\\s*,?\\s*]");
    private static final Pattern JS_LITERAL = Pattern.compile("['\"]([^'\"]*)['\"]");

    /**
     * Scripts often keep URLs and titles in parallel arrays (urls[i] goes with titles[i]). Pairs each
     * array of URL-like strings with an array of the same length whose strings are not URLs.
     */
    private void parallelArrays(URI base, String code, Map<String, Link> out) {
        List<List<String>> arrays = new ArrayList<>();
        Matcher m = JS_ARRAY.matcher(code);
        while (m.find()) {
            List<String> items = new ArrayList<>();
            Matcher lit = JS_LITERAL.matcher(m.group(1));
            while (lit.find()) items.add(lit.group(1));
            arrays.add(items);
        }
        for (List<String> urls : arrays) {
            if (!urls.stream().allMatch(LinkExtractor::looksLikeUrl)) continue;
            for (List<String> words : arrays) {
                if (words == urls || words.size() != urls.size() || words.stream().anyMatch(LinkExtractor::looksLikeUrl)) continue;
                if (words.stream().noneMatch(w -> w.codePoints().anyMatch(Character::isIdeographic))) continue;
                for (int i = 0; i < urls.size(); i++) add(out, base, urls.get(i), words.get(i), false);
                break;
            }
        }
    }

    private static boolean looksLikeUrl(String s) {
        return s.startsWith("/") || s.startsWith("http://") || s.startsWith("https://") || s.startsWith("./")
                || s.startsWith("../") || s.matches("[\\w\\-./%]+\\.(s?html?|jsp|aspx?|php|pdf|docx?|xlsx?|wps|ofd)(\\?.*)?");
    }

    private void scriptLinks(URI base, String code, String anchor, Map<String, Link> out) {
        if (anchor == null) parallelArrays(base, code, out);
        Matcher nav = JS_NAVIGATION.matcher(code);
        while (nav.find()) {
            String href = nav.group(1) != null ? nav.group(1) : nav.group(2);
            add(out, base, href, anchor != null ? anchor : contextOf(code, nav.start(), nav.end()), false);
        }
        Matcher s = JS_STRING.matcher(code);
        while (s.find()) {
            String href = s.group(1);
            if (href.startsWith("//") || href.contains("dataproxy.jsp")) continue;
            add(out, base, href, anchor != null ? anchor : contextOf(code, s.start(), s.end()), false);
        }
    }

    /** The words around a URL in script: its object literal or line, quotes and keys stripped. */
    static String contextOf(String code, int start, int end) {
        int from = start;
        while (from > 0 && start - from < 200 && "{\n;[".indexOf(code.charAt(from - 1)) < 0) from--;
        int to = end;
        while (to < code.length() && to - end < 200 && "}\n;]".indexOf(code.charAt(to)) < 0) to++;
        String ctx = code.substring(from, start) + " " + code.substring(end, to);
        return ctx.replaceAll("['\"{}\\[\\],:]|\\b(title|name|text|url|href|link)\\b", " ").replaceAll("\\s+", " ").strip();
    }

    private void hanwebRecords(URI base, String xml, Map<String, Link> out) {
        Matcher r = RECORD.matcher(xml);
        while (r.find()) {
            Document frag = Jsoup.parseBodyFragment(r.group(1), base.toString());
            for (Element a : frag.select("a[href]")) add(out, base, a.attr("href"), anchorOf(a), false);
        }
    }

    /** TRS WCM: createPageHTML(total, current, "index", "shtml") names pages index.shtml, index_1.shtml, … */
    private void trsPages(URI base, String text, Map<String, Link> out) {
        Matcher m = TRS_PAGER.matcher(text);
        while (m.find()) {
            List<Integer> ints = new ArrayList<>();
            List<String> strings = new ArrayList<>();
            for (String arg : m.group(1).split(",")) {
                String a = arg.strip();
                if (a.matches("\\d+")) ints.add(Integer.parseInt(a));
                else if (a.length() >= 2 && (a.startsWith("\"") || a.startsWith("'"))) strings.add(a.substring(1, a.length() - 1));
            }
            if (ints.isEmpty() || strings.size() < 2) continue;
            int total = Math.min(ints.get(0), 1000);
            String prefix = strings.get(strings.size() - 2);
            String ext = strings.get(strings.size() - 1);
            for (int i = 0; i < total; i++) {
                add(out, base, prefix + (i == 0 ? "" : "_" + i) + "." + ext, "", true);
            }
        }
    }

    /** Hanweb: later list pages come only from dataproxy.jsp?startrecord=…&endrecord=…&perpage=… */
    private void hanwebPages(URI base, String text, Map<String, Link> out) {
        String proxy = null;
        if (base.getPath() != null && base.getPath().endsWith("dataproxy.jsp")) {
            proxy = base.toString();
        } else {
            String found = null;
            Matcher nextGroup = NEXTGROUP.matcher(text);
            if (nextGroup.find()) found = proxyUrlIn(nextGroup.group(1));
            if (found == null) found = proxyUrlIn(text);
            if (found != null) proxy = normalizer.resolve(base, found.replace("&amp;", "&"));
        }
        if (proxy == null) return;
        Matcher t = HANWEB_TOTAL.matcher(text);
        Matcher pp = HANWEB_PERPAGE.matcher(text);
        URI proxyUri = URI.create(proxy);
        Map<String, String> params = queryParams(proxyUri.getRawQuery());
        int perPage = pp.find() ? Integer.parseInt(pp.group(1)) : params.containsKey("perpage") ? parseOr(params.get("perpage"), 15) : 15;
        perPage = Math.max(1, Math.min(perPage, 500));
        if (!t.find()) {
            if (!params.containsKey("startrecord")) add(out, base, withRecords(proxyUri, params, 1, perPage, perPage), "", true);
            return;
        }
        int total = Math.min(Integer.parseInt(t.group(1)), 100_000);
        for (int start = 1; start <= total; start += perPage) {
            add(out, base, withRecords(proxyUri, params, start, Math.min(total, start + perPage - 1), perPage), "", true);
        }
    }

    /**
     * The first dataproxy.jsp URL in the text, grown out from the name to the surrounding quotes.
     * (A regex with a leading [^"']* would retry from every character of long Chinese paragraphs.)
     */
    static String proxyUrlIn(String text) {
        int at = text.indexOf("dataproxy.jsp");
        if (at < 0) return null;
        int from = at;
        while (from > 0 && "\"' \t\r\n<>()".indexOf(text.charAt(from - 1)) < 0) from--;
        int to = at + "dataproxy.jsp".length();
        while (to < text.length() && "\"' \t\r\n<>()".indexOf(text.charAt(to)) < 0) to++;
        return text.substring(from, to);
    }

    private static int parseOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String withRecords(URI proxy, Map<String, String> params, int start, int end, int perPage) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("startrecord", String.valueOf(start));
        p.put("endrecord", String.valueOf(end));
        p.put("perpage", String.valueOf(perPage));
        StringBuilder q = new StringBuilder();
        p.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(v));
        String s = proxy.toString();
        int qm = s.indexOf('?');
        return (qm >= 0 ? s.substring(0, qm) : s) + "?" + q;
    }

    static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> m = new LinkedHashMap<>();
        if (rawQuery == null) return m;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            m.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return m;
    }

    /** A link to the same list with another page number is paging, whatever its words. */
    private static void markPaging(URI base, Map<String, Link> out) {
        String basePath = base.getPath() == null ? "" : base.getPath();
        String baseDir = basePath.substring(0, basePath.lastIndexOf('/') + 1);
        out.replaceAll((url, link) -> {
            if (link.paging()) return link;
            URI u = URI.create(url);
            if (u.getHost() == null || !u.getHost().equalsIgnoreCase(base.getHost())) return link;
            String path = u.getPath() == null ? "" : u.getPath();
            boolean samePath = path.equals(basePath) || (basePath.endsWith("/") && path.startsWith(basePath) && INDEX_N.matcher(path.substring(basePath.length())).matches());
            boolean pagedQuery = u.getRawQuery() != null && PAGE_PARAM.matcher(u.getRawQuery()).find();
            boolean sameDirIndex = path.startsWith(baseDir) && INDEX_N.matcher(path.substring(baseDir.length())).matches()
                    && (INDEX_N.matcher(basePath.substring(baseDir.length())).matches() || basePath.endsWith("/"));
            boolean pageWords = PAGE_WORDS.matcher(link.anchor()).matches();
            if ((samePath && pagedQuery) || (sameDirIndex && (pageWords || path.matches(".*_\\d+\\.s?html?")))
                    || (pageWords && (samePath || sameDirIndex))) {
                return new Link(link.url(), link.anchor(), true);
            }
            return link;
        });
    }
}
