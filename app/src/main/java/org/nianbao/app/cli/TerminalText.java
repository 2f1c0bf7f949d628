package org.nianbao.app.cli;

/** Turns an HTML snippet ({@code <mark>} around matches, entities escaped) into terminal text with 【】 marks. */
final class TerminalText {

    private TerminalText() {
    }

    static String fromSnippet(String html) {
        return html.replace("<mark>", "【").replace("</mark>", "】")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&");
    }
}
