package org.nianbao.sim.render;

import org.nianbao.sim.http.Reply;
import org.nianbao.sim.http.Route;
import org.nianbao.sim.http.SimRequest;

import java.util.Map;

/**
 * Everything one site serves in one week: exact paths (with their query when it selects the page),
 * then pattern routes (dataproxy, calendar), then a 404 page.
 */
public record SiteMap(Map<String, Route> exact, Route patterns, Route notFound, String robotsTxt) {

    public Reply answer(SimRequest req) {
        String query = queryWithoutSessionId(req);
        Route r = query.isEmpty() ? null : exact.get(req.path() + "?" + query);
        if (r == null) r = exact.get(req.path());
        Reply reply = r == null ? null : r.answer(req);
        if (reply == null) reply = patterns.answer(req);
        if (reply == null) reply = notFound.answer(req);
        return reply;
    }

    private static String queryWithoutSessionId(SimRequest req) {
        String raw = req.rawTarget();
        int q = raw.indexOf('?');
        if (q < 0) return "";
        StringBuilder b = new StringBuilder();
        for (String part : raw.substring(q + 1).split("&")) {
            if (part.isEmpty() || part.startsWith("sid=")) continue;
            if (!b.isEmpty()) b.append('&');
            b.append(part);
        }
        return b.toString();
    }
}
