package org.nianbao.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each CMS family's list can be walked to the end by its own mechanism, and yields exactly the truth. */
class PaginationStylesTest {
    static PortalFarm farm;
    static SimHttp http;

    @BeforeAll
    static void start() {
        farm = PortalFarm.start(FarmConfig.small().withHosts(5).withReports(25, 25)
                .withStyles(List.of(CmsStyle.TRS, CmsStyle.HANWEB, CmsStyle.PAGED_GBK, CmsStyle.JS_LINKS, CmsStyle.SIMPLE)));
        http = new SimHttp(farm);
    }

    @AfterAll
    static void stop() {
        http.close();
        farm.close();
    }

    static FarmTruth.HostTruth host(CmsStyle style) {
        return farm.truth().hosts().stream().filter(h -> h.cms() == style).findFirst().orElseThrow();
    }

    static Set<String> truthPages(FarmTruth.HostTruth h) {
        Set<String> out = new LinkedHashSet<>();
        farm.truth().reports().stream().filter(r -> r.host().equals(h.host())).forEach(r -> out.add(r.pageUrl().toString()));
        return out;
    }

    static Set<String> links(URI base, String html, Pattern p) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(html);
        while (m.find()) out.add(base.resolve(m.group(1)).toString());
        return out;
    }

    static final Pattern HREF = Pattern.compile("href=\"([^\"#]+\\.(?:shtml|html|htm))\"");

    @Test
    void trsPagesAreAnnouncedOnlyByCreatePageHtml() {
        FarmTruth.HostTruth h = host(CmsStyle.TRS);
        String first = SimHttp.text(http.get(h.reportColumnUrl()));
        assertThat(h.reportColumnUrl().getPath()).endsWith("/xxgk/xxgknb/index.shtml");
        assertThat(first).doesNotContain("href=\"index_1.shtml\"");
        Matcher m = Pattern.compile("createPageHTML\\((\\d+), (\\d+), \"(\\w+)\", \"(\\w+)\"\\)").matcher(first);
        assertThat(m.find()).isTrue();
        int pages = Integer.parseInt(m.group(1));
        assertThat(pages).isEqualTo(2);
        Set<String> found = links(h.reportColumnUrl(), first, Pattern.compile("href=\"(\\./[^\"]+\\.shtml)\""));
        for (int p = 1; p < pages; p++) {
            URI next = h.reportColumnUrl().resolve(m.group(3) + "_" + p + "." + m.group(4));
            found.addAll(links(next, SimHttp.text(http.get(next)), Pattern.compile("href=\"(\\./[^\"]+\\.shtml)\"")));
        }
        assertThat(found).isEqualTo(truthPages(h));
        assertThat(found).allMatch(u -> u.matches(".*/xxgk/xxgknb/\\d{6}/t\\d{8}_\\d+\\.shtml"));
    }

    @Test
    void hanwebFirstPageIsADatastoreAndTheRestComesFromDataproxyByGetOrPost() {
        FarmTruth.HostTruth h = host(CmsStyle.HANWEB);
        String first = SimHttp.text(http.get(h.reportColumnUrl()));
        assertThat(first).contains("<script type=\"text/xml\"><datastore>").contains("<recordset>").contains("<![CDATA[");
        Pattern rec = Pattern.compile("<record><!\\[CDATA\\[\\s*<li><a href=\"([^\"]+)\"");
        Set<String> found = links(h.reportColumnUrl(), first, rec);
        assertThat(found).hasSize(15);
        Matcher total = Pattern.compile("totalRecord:(\\d+)").matcher(first);
        Matcher col = Pattern.compile("columnid:(\\d+)").matcher(first);
        assertThat(total.find()).isTrue();
        assertThat(col.find()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).isEqualTo(25);
        URI proxy = h.reportColumnUrl().resolve("/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15&columnid=" + col.group(1));
        HttpResponse<byte[]> byGet = http.get(proxy);
        assertThat(byGet.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        String xml = SimHttp.text(byGet);
        assertThat(xml).contains("<totalrecord>25</totalrecord>");
        Set<String> second = links(h.reportColumnUrl(), xml, rec);
        assertThat(second).hasSize(10);
        HttpResponse<byte[]> byPost = http.post(h.reportColumnUrl().resolve("/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15"),
                "col=1&appid=1&webid=2&path=%2F&columnid=" + col.group(1) + "&sourceContentType=1&permissiontype=0");
        assertThat(links(h.reportColumnUrl(), SimHttp.text(byPost), rec)).isEqualTo(second);
        found.addAll(second);
        assertThat(found).isEqualTo(truthPages(h));
        assertThat(found).allMatch(u -> u.matches(".*/art/\\d{4}/\\d{1,2}/\\d{1,2}/art_\\d+_\\d+\\.html"));
        assertThat(byGet.headers().firstValue("Server")).hasValue("Apache-Coyote/1.1");
    }

    @Test
    void pagedGbkListsDeclareTheirCharsetOnlyInMeta() {
        FarmTruth.HostTruth h = host(CmsStyle.PAGED_GBK);
        HttpResponse<byte[]> first = http.get(h.reportColumnUrl());
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/html");
        String html = new String(first.body(), Charset.forName("GBK"));
        assertThat(html).contains("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">").contains("政府信息公开年报");
        assertThat(SimHttp.text(first)).doesNotContain("政府信息公开年报"); // not UTF-8
        Set<String> found = new LinkedHashSet<>(links(h.reportColumnUrl(), html, HREF));
        Set<URI> seen = new LinkedHashSet<>();
        Matcher m = Pattern.compile("href=\"(list\\.jsp\\?page=\\d+)\"").matcher(html);
        while (m.find()) seen.add(h.reportColumnUrl().resolve(m.group(1)));
        assertThat(seen).contains(h.reportColumnUrl().resolve("list.jsp?page=3"));
        for (URI page : seen) found.addAll(links(page, new String(http.get(page).body(), Charset.forName("GBK")), HREF));
        found.removeIf(u -> !u.contains("/zfxxgk/ndbg/content_"));
        assertThat(found).isEqualTo(truthPages(h));
        HttpResponse<byte[]> detail = http.get(URI.create(found.iterator().next()));
        assertThat(detail.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(new String(detail.body(), Charset.forName("GBK"))).contains("charset=gb2312").contains("<table");
    }

    @Test
    void jsOnlyListsHideLinksInArraysWindowOpenAndLocationHref() {
        FarmTruth.HostTruth h = host(CmsStyle.JS_LINKS);
        String first = SimHttp.text(http.get(h.reportColumnUrl()));
        assertThat(first).contains("var urls = [\"/").contains("window.open('/").contains("location.href='/");
        assertThat(Pattern.compile("<a href=\"/zwgk/nbzl/\\d+\\.html\"").matcher(first).find()).isFalse();
        Pattern js = Pattern.compile("(?:window\\.open\\('|location\\.href='|\")(/zwgk/nbzl/\\d+\\.html)");
        Set<String> found = new LinkedHashSet<>();
        URI page = h.reportColumnUrl();
        for (int guard = 0; page != null && guard < 10; guard++) {
            String html = SimHttp.text(http.get(page));
            found.addAll(links(page, html, js));
            Matcher next = Pattern.compile("location\\.href='(list_\\d+\\.html)'\">下一页").matcher(html);
            page = next.find() ? page.resolve(next.group(1)) : null;
        }
        assertThat(found).isEqualTo(truthPages(h));
    }

    @Test
    void simpleListIsOnePageOfPlainLinks() {
        FarmTruth.HostTruth h = host(CmsStyle.SIMPLE);
        Set<String> found = links(h.reportColumnUrl(), SimHttp.text(http.get(h.reportColumnUrl())), HREF);
        found.removeIf(u -> !u.contains("/zwgk/ndbg/"));
        assertThat(found).isEqualTo(truthPages(h));
    }
}
