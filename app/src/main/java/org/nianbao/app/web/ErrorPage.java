package org.nianbao.app.web;

/** The page for a request nianbao cannot answer: what was wrong, in one line, never a stack trace. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String render(Lang l, int status, String message, String query) {
        String title = switch (status) {
            case 400 -> l.t("请求有误", "Bad request");
            case 404 -> l.t("未找到", "Not found");
            default -> l.t("服务器出错", "Server error");
        };
        StringBuilder b = Layout.open(l, title + " · nianbao", Layout.Section.OTHER, "/search", query);
        b.append("<h1>").append(status).append(' ').append(Html.esc(title)).append("</h1><p class=\"error\">")
                .append(Html.esc(message)).append("</p><p><a href=\"/search\">").append(l.t("返回检索", "Back to search")).append("</a></p>");
        return Layout.close(b, l);
    }
}
