package org.nianbao.crawler.links;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkExtractorTest {

    private final LinkExtractor extractor = new LinkExtractor(new UrlNormalizer());

    private List<String> urls(String base, String html) {
        return extractor.extract(URI.create(base), html).stream().map(Link::url).toList();
    }

    @Test
    void findsAnchorsFramesAndMetaRefreshWithTheirWords() {
        List<Link> links = extractor.extract(URI.create("http://www.a.gov.cn/xxgk/index.html"), """
                <html><head><meta http-equiv="refresh" content="5; url=/moved.html"></head><body>
                <a href="nb/t1.html">2021年政府信息公开工作年度报告</a>
                <a href="nb/t1.html"><img src="x.png"></a>
                <a href="../file.pdf" title="附件">附件</a>
                <a href="javascript:void(0)">nothing</a><a href="mailto:a@b.cn">mail</a><a href="#top">top</a>
                <iframe src="/frame.html"></iframe></body></html>""");
        assertThat(links).extracting(Link::url).containsExactlyInAnyOrder(
                "http://www.a.gov.cn/xxgk/nb/t1.html", "http://www.a.gov.cn/file.pdf",
                "http://www.a.gov.cn/frame.html", "http://www.a.gov.cn/moved.html");
        assertThat(links).filteredOn(l -> l.url().endsWith("t1.html")).extracting(Link::anchor)
                .containsExactly("2021年政府信息公开工作年度报告");
    }

    @Test
    void expandsTrsCreatePageHtmlIntoEveryListPage() {
        List<Link> links = extractor.extract(URI.create("http://www.a.gov.cn/xxgk/xxgknb/index.shtml"), """
                <ul><li><a href="./202101/t20210112_2252094.shtml">2020年年度报告</a></li></ul>
                <script type="text/javascript">createPageHTML(4, 0, "index", "shtml");</script>""");
        assertThat(links).filteredOn(Link::paging).extracting(Link::url).contains(
                "http://www.a.gov.cn/xxgk/xxgknb/index_1.shtml", "http://www.a.gov.cn/xxgk/xxgknb/index_2.shtml",
                "http://www.a.gov.cn/xxgk/xxgknb/index_3.shtml");
        assertThat(links).extracting(Link::url).contains("http://www.a.gov.cn/xxgk/xxgknb/202101/t20210112_2252094.shtml")
                .doesNotContain("http://www.a.gov.cn/xxgk/xxgknb/index_4.shtml");
    }

    @Test
    void readsTheNewerTrsPagerSignatureToo() {
        assertThat(urls("http://www.a.gov.cn/col/index.html", "<script>createPageHTML('page_div',3, 1,'index','html',45);</script>"))
                .contains("http://www.a.gov.cn/col/index.html", "http://www.a.gov.cn/col/index_1.html", "http://www.a.gov.cn/col/index_2.html");
    }

    @Test
    void readsHanwebDatastoreRecordsAndPagesThroughDataproxy() {
        String page = """
                <div id="div1"><script type="text/xml"><datastore>
                <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=3&columnid=1234&unitid=99"></a>]]></nextgroup>
                <recordset>
                <record><![CDATA[<li><a href="/art/2022/1/10/art_1234_1.html" title="2021年度报告">2021年政府信息公开工作年度报告</a></li>]]></record>
                <record><![CDATA[<li><a href="/art/2021/1/10/art_1234_2.html">2020年政府信息公开工作年度报告</a></li>]]></record>
                </recordset></datastore></script></div>
                <script>var totalRecord = 35; var perpage = 15;</script>""";
        List<Link> links = extractor.extract(URI.create("http://www.b.gov.cn/col/col1234/index.html"), page);
        assertThat(links).extracting(Link::url).contains("http://www.b.gov.cn/art/2022/1/10/art_1234_1.html",
                "http://www.b.gov.cn/art/2021/1/10/art_1234_2.html");
        assertThat(links).filteredOn(Link::paging).extracting(Link::url).hasSize(3)
                .allMatch(u -> u.startsWith("http://www.b.gov.cn/module/web/jpage/dataproxy.jsp?"))
                .anyMatch(u -> u.contains("startrecord=16") && u.contains("endrecord=30") && u.contains("columnid=1234"))
                .anyMatch(u -> u.contains("startrecord=31") && u.contains("endrecord=35"));
    }

    @Test
    void readsADataproxyAnswerAsTheSameXml() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>20</totalrecord><recordset>
                <record><![CDATA[<li><a href="/art/2019/1/1/art_9_3.html">2018年年报</a></li>]]></record>
                </recordset></datastore>""";
        List<Link> links = extractor.extract(URI.create(
                "http://www.b.gov.cn/module/web/jpage/dataproxy.jsp?columnid=9&startrecord=11&endrecord=20&perpage=10"), xml);
        assertThat(links).extracting(Link::url).contains("http://www.b.gov.cn/art/2019/1/1/art_9_3.html")
                .anyMatch(u -> u.contains("startrecord=1&") || u.contains("startrecord=1"));
    }

    @Test
    void findsLinksThatOnlyExistInJavaScript() {
        List<Link> links = extractor.extract(URI.create("http://www.c.gov.cn/list.html"), """
                <script>
                var reports = [{title: '2019年政府信息公开工作年度报告', url: '/nb/2019.html'},
                               {title: '2018年政府信息公开工作年度报告', url: '/nb/2018.html'}];
                var more = ["/nb/2017.pdf", "nb/2016.docx"];
                function go() { window.open('/nb/2015.html'); }
                document.getElementById('x').onclick = function() { location.href = "/nb/2014.html"; };
                var lib = "/js/jquery.min.js";
                </script>
                <span onclick="window.location='/nb/2013.html'">2013年年报</span>""");
        assertThat(links).extracting(Link::url).contains("http://www.c.gov.cn/nb/2019.html", "http://www.c.gov.cn/nb/2018.html",
                "http://www.c.gov.cn/nb/2017.pdf", "http://www.c.gov.cn/nb/2016.docx", "http://www.c.gov.cn/nb/2015.html",
                "http://www.c.gov.cn/nb/2014.html", "http://www.c.gov.cn/nb/2013.html")
                .doesNotContain("http://www.c.gov.cn/js/jquery.min.js");
        assertThat(links).filteredOn(l -> l.url().endsWith("2019.html")).extracting(Link::anchor)
                .allMatch(a -> a.contains("2019年政府信息公开工作年度报告") && !a.contains("2018"));
    }

    @Test
    void pairsUrlArraysWithTheirParallelTitleArrays() {
        List<Link> links = extractor.extract(URI.create("http://www.c.gov.cn/zwgk/nbzl/list.html"), """
                <script>
                var urls = ['/zwgk/nbzl/11.html', '/zwgk/nbzl/12.html'];
                var titles = ['2021年政府信息公开工作年度报告', '2020年政府信息公开工作年度报告'];
                var dates = ['2022-01-10', '2021-01-12'];
                </script>""");
        assertThat(links).filteredOn(l -> l.url().endsWith("/12.html")).extracting(Link::anchor)
                .containsExactly("2020年政府信息公开工作年度报告");
        assertThat(links).filteredOn(l -> l.url().endsWith("/11.html")).extracting(Link::anchor)
                .containsExactly("2021年政府信息公开工作年度报告");
    }

    @Test
    void marksQueryPagingAsPagingAndStripsSessionIds() {
        List<Link> links = extractor.extract(URI.create("http://www.d.gov.cn/nb/list.jsp?page=1"), """
                <a href="list.jsp?page=2">下一页</a><a href="list.jsp?page=3">3</a>
                <a href="detail.jsp;jsessionid=ABC123?id=7">2022年年度报告</a><a href="detail.jsp?id=8&sid=99">x</a>""");
        assertThat(links).filteredOn(Link::paging).extracting(Link::url)
                .containsExactlyInAnyOrder("http://www.d.gov.cn/nb/list.jsp?page=2", "http://www.d.gov.cn/nb/list.jsp?page=3");
        assertThat(links).extracting(Link::url).contains("http://www.d.gov.cn/nb/detail.jsp?id=7", "http://www.d.gov.cn/nb/detail.jsp?id=8");
    }
}
