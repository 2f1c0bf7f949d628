package org.nianbao.crawler.links;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UrlRulesTest {

    private final UrlNormalizer normalizer = new UrlNormalizer();

    @Test
    void normalisesCaseDefaultPortsDotSegmentsAndSessions() {
        assertThat(normalizer.normalize("HTTP://WWW.A.gov.cn:80/a/./b/../c.html#frag")).isEqualTo("http://www.a.gov.cn/a/c.html");
        assertThat(normalizer.normalize("http://www.a.gov.cn/x.jsp;jsessionid=0F3A?b=2&a=1")).isEqualTo("http://www.a.gov.cn/x.jsp?a=1&b=2");
        assertThat(normalizer.normalize("http://www.a.gov.cn/x.jsp?PHPSESSID=abc&id=3")).isEqualTo("http://www.a.gov.cn/x.jsp?id=3");
        assertThat(normalizer.normalize("ftp://www.a.gov.cn/x")).isNull();
        assertThat(normalizer.resolve(URI.create("http://www.a.gov.cn/list/index.html"), "?page=2"))
                .isEqualTo("http://www.a.gov.cn/list/index.html?page=2");
    }

    @Test
    void trapGuardRejectsLoopsAndLongUrlsAndSuspectsCalendarsButNotDatedReports() {
        TrapGuard guard = new TrapGuard(200);
        assertThat(guard.judge("http://a.gov.cn/a/b/a/b/a/b/x.html")).isEqualTo(TrapGuard.Verdict.REJECT);
        assertThat(guard.judge("http://a.gov.cn/" + "x".repeat(300))).isEqualTo(TrapGuard.Verdict.REJECT);
        assertThat(guard.judge("http://a.gov.cn/calendar?date=2031-05-01")).isEqualTo(TrapGuard.Verdict.SUSPECT);
        assertThat(guard.judge("http://a.gov.cn/events/calendar/2031/05/")).isEqualTo(TrapGuard.Verdict.SUSPECT);
        assertThat(guard.judge("http://a.gov.cn/xxgk/xxgknb/202101/t20210112_2252094.shtml")).isEqualTo(TrapGuard.Verdict.OK);
    }

    @Test
    void scopeKeepsToTheUnitsHostsAndRefusesPrivateAddresses() {
        Scope scope = Scope.ofSeed(URI.create("http://www.wuzhong.gov.cn/"));
        assertThat(scope.allows(URI.create("http://xxgk.wuzhong.gov.cn/a.html"))).isTrue();
        assertThat(scope.allows(URI.create("http://www.wuzhong.gov.cn:8080/a.html"))).isTrue();
        assertThat(scope.allows(URI.create("http://www.nx.gov.cn/a.html"))).isFalse();
        assertThat(scope.allows(URI.create("http://wuzhong.gov.cn.evil.com/a.html"))).isFalse();
        assertThat(new Scope(List.of("www.a.gov.cn")).allows(URI.create("http://b.a.gov.cn/"))).isFalse();
        assertThat(Scope.isPrivateLiteral("192.168.1.10")).isTrue();
        assertThat(Scope.isPrivateLiteral("10.0.0.1")).isTrue();
        assertThat(Scope.isPrivateLiteral("127.0.0.1")).isTrue();
        assertThat(Scope.isPrivateLiteral("www.a.gov.cn")).isFalse();
    }

    @Test
    void classifiesReportsColumnsAttachmentsAndPages() {
        LinkClassifier c = new LinkClassifier();
        assertThat(c.classify(new Link("http://a.gov.cn/t1.html", "宁夏回族自治区2021年政府信息公开工作年度报告", false), LinkKind.PAGE))
                .isEqualTo(LinkKind.REPORT);
        assertThat(c.classify(new Link("http://a.gov.cn/xxgk/xxgknb/", "政府信息公开年报", false), LinkKind.PAGE)).isEqualTo(LinkKind.COLUMN);
        assertThat(c.classify(new Link("http://a.gov.cn/f/1.pdf", "附件", false), LinkKind.REPORT)).isEqualTo(LinkKind.REPORT);
        assertThat(c.classify(new Link("http://a.gov.cn/download?id=7", "附件", false), LinkKind.PAGE)).isEqualTo(LinkKind.ATTACHMENT);
        assertThat(c.classify(new Link("http://a.gov.cn/news/1.html", "领导活动", false), LinkKind.PAGE)).isEqualTo(LinkKind.PAGE);
        assertThat(c.classify(new Link("http://a.gov.cn/xxgk/xxgknb/index_1.shtml", "", true), LinkKind.COLUMN)).isEqualTo(LinkKind.COLUMN);
    }
}
