package org.nianbao.sim;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The truth agrees with the link graph: walking each quiet portal from its home page, by links,
 * JavaScript and each CMS's paging, reaches every report the truth lists, and no link is dead.
 */
class LinkGraphTest {
    static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");
    static final Pattern JS_PATH = Pattern.compile("['\"]((?:/|\\./)?[\\w./-]+\\.(?:s?html?|jsp))['\"]");
    static final Pattern TRS = Pattern.compile("createPageHTML\\((\\d+), \\d+, \"(\\w+)\", \"(\\w+)\"\\)");
    static final Pattern HANWEB = Pattern.compile("totalRecord:(\\d+),.*?columnid:(\\d+)", Pattern.DOTALL);
    static final Pattern RECORD = Pattern.compile("<record><!\\[CDATA\\[\\s*<li><a href=\"([^\"]+)\"");

    @Test
    void walkingEachPortalFromItsHomeReachesEveryReportWithoutADeadLink() {
        FarmConfig config = FarmConfig.defaults(5).withHostile(Set.of()).withReports(12, 18);
        try (PortalFarm farm = PortalFarm.start(config); SimHttp http = new SimHttp(farm)) {
            Map<String, Integer> statuses = new HashMap<>();
            Set<String> reached = new LinkedHashSet<>();
            for (FarmTruth.HostTruth h : farm.truth().hosts()) {
                Set<String> pages = walk(http, h.seedUrl(), statuses, reached);
                long articles = pages.stream().filter(u -> !u.contains("nb") && !u.contains("ndbg") && !u.contains("xxgknb")
                        && u.matches(".*(/t\\d{8}_\\d+\\.shtml|/art_\\d+_\\d+\\.html|/content_\\d+\\.htm|/\\d+\\.html)$")).count();
                assertThat(articles).as("ordinary pages of " + h.host()).isGreaterThanOrEqualTo(20);
            }
            assertThat(statuses).as("links that did not answer 200").isEmpty();
            Set<String> truth = farm.truth().reports().stream().map(r -> r.url().toString()).collect(Collectors.toSet());
            assertThat(reached).containsAll(truth);
        }
    }

    /** RFC 3986 resolution; java.net.URI.resolve follows RFC 2396 and drops the file name for "?page=2". */
    static URI resolve(URI base, String link) {
        if (link.startsWith("?")) return URI.create(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + link);
        return base.resolve(link);
    }

    private static Set<String> walk(SimHttp http, URI seed, Map<String, Integer> statuses, Set<String> reached) {
        Deque<URI> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        queue.add(seed);
        seen.add(seed.toString());
        while (!queue.isEmpty() && seen.size() < 2000) {
            URI u = queue.poll();
            HttpResponse<byte[]> r = http.get(u);
            if (r.statusCode() != 200) {
                statuses.put(u.toString(), r.statusCode());
                continue;
            }
            reached.add(u.toString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/html") && !type.startsWith("text/xml")) continue;
            String html = new String(r.body(), StandardCharsets.ISO_8859_1).contains("charset=gb2312")
                    ? new String(r.body(), Charset.forName("GBK")) : new String(r.body(), StandardCharsets.UTF_8);
            Set<URI> next = new LinkedHashSet<>();
            for (Pattern p : new Pattern[] {HREF, JS_PATH, RECORD}) {
                Matcher m = p.matcher(html);
                while (m.find()) {
                    String link = m.group(1).replace("&amp;", "&");
                    if (link.startsWith("javascript:") || link.startsWith("http") && !link.contains(seed.getHost())) continue;
                    if (link.startsWith("/module/jslib/") || !link.matches("[^\\s'\"<>]+")) continue; // JS templates
                    next.add(resolve(u, link));
                }
            }
            Matcher trs = TRS.matcher(html);
            if (trs.find()) for (int k = 1; k < Integer.parseInt(trs.group(1)); k++) next.add(u.resolve(trs.group(2) + "_" + k + "." + trs.group(3)));
            Matcher hanweb = HANWEB.matcher(html);
            if (hanweb.find()) {
                int total = Integer.parseInt(hanweb.group(1));
                for (int start = 16; start <= total; start += 15) {
                    next.add(u.resolve("/module/web/jpage/dataproxy.jsp?startrecord=" + start + "&endrecord=" + (start + 14)
                            + "&perpage=15&columnid=" + hanweb.group(2)));
                }
            }
            for (URI n : next) {
                if (n.getHost() != null && n.getHost().equals(seed.getHost()) && seen.add(n.toString())) queue.add(n);
            }
        }
        return seen;
    }
}
