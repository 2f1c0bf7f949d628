package org.nianbao.sim;

/** How a simulated portal publishes its lists and links, after the CMS families real portals run on. */
public enum CmsStyle {
    /** TRS WCM: {@code index.shtml}, {@code index_1.shtml}, … announced only by an inline {@code createPageHTML(…)} call. */
    TRS,
    /** Hanweb (大汉): first page in a {@code <datastore>} XML island, later pages only from {@code dataproxy.jsp}. */
    HANWEB,
    /** Plain {@code ?page=N} links on GBK pages that declare their charset only in {@code <meta>}. */
    PAGED_GBK,
    /** Links only inside JavaScript: URL arrays, {@code window.open('…')}, {@code location.href=…}. */
    JS_LINKS,
    /** One static UTF-8 list page with ordinary links, as small portals have. */
    SIMPLE
}
