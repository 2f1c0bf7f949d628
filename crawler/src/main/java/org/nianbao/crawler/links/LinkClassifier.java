package org.nianbao.crawler.links;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guesses what a link leads to from its words and URL alone (the crawler never parses reports):
 * titles with a year and 年报/年度报告 are reports, 政府信息公开/年报 sections are columns, documents are
 * attachments. Works the same on every portal; nothing here knows a host name.
 */
public final class LinkClassifier {

    private static final Pattern REPORT_TITLE = Pattern.compile("((19|20)\\d{2}|[〇零一二三四五六七八九]{4}).{0,40}(年度报告|年报|工作报告)");
    private static final Pattern REPORT_WORDS = Pattern.compile("年度报告|年报");
    private static final Pattern COLUMN_WORDS = Pattern.compile("政府信息公开|信息公开|政务公开|年报");
    private static final Pattern COLUMN_URL = Pattern.compile("(?i)xxgk|zwgk|xxgknb|zfxxgk|ndbg|gknb|nianbao");
    private static final Pattern REPORT_URL = Pattern.compile("(?i)xxgknb|ndbg|gknb|nianbao");
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?i)\\.(pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z|ceb|caj)($|\\?)|/download(\\.\\w+)?\\?|[?&](fileid|attachid|downloadid)=");

    /**
     * @param link       the link
     * @param parentKind what the page containing it was
     */
    public LinkKind classify(Link link, LinkKind parentKind) {
        String anchor = link.anchor() == null ? "" : link.anchor();
        String url = link.url().toLowerCase(Locale.ROOT);
        if (link.paging()) return parentKind == LinkKind.REPORT || parentKind == LinkKind.ATTACHMENT ? LinkKind.COLUMN : parentKind;
        boolean document = isDocument(url);
        if (REPORT_TITLE.matcher(anchor).find() || (document && REPORT_WORDS.matcher(anchor).find())) return LinkKind.REPORT;
        if (document) return parentKind == LinkKind.REPORT ? LinkKind.REPORT : LinkKind.ATTACHMENT;
        if (COLUMN_WORDS.matcher(anchor).find() || COLUMN_URL.matcher(url).find()) return LinkKind.COLUMN;
        // Items listed in a report column are probably reports even when their titles are terse.
        if (parentKind == LinkKind.COLUMN && REPORT_URL.matcher(url).find()) return LinkKind.REPORT;
        return LinkKind.PAGE;
    }

    public boolean isDocument(String url) {
        return DOCUMENT.matcher(url).find();
    }
}
