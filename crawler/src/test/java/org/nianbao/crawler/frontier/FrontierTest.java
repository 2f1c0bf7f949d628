package org.nianbao.crawler.frontier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrontierTest {

    private static Candidate c(String url, int priority, boolean trap) {
        return new Candidate(url, "www.a.gov.cn", "甲市", "www.a.gov.cn", null, "", "PAGE", 1, priority, trap);
    }

    private static RequestLog req(String url, int status) {
        Instant now = Instant.now();
        return new RequestLog(url, "www.a.gov.cn", status, 10, now, now, null);
    }

    @Test
    void anUnfinishedRunIsResumedByTheNextProcessWithItsInflightUrls(@TempDir Path dir) {
        try (Frontier f = Frontier.open(dir, Clock.systemUTC())) {
            Frontier.Run run = f.beginOrResume();
            assertThat(run.resumed()).isFalse();
            f.enqueue(c("http://www.a.gov.cn/low", 10, false));
            f.enqueue(c("http://www.a.gov.cn/high", 90, false));
            assertThat(f.enqueue(c("http://www.a.gov.cn/high", 90, false))).isFalse();
            assertThat(f.next("www.a.gov.cn")).get().extracting(FrontierEntry::url).isEqualTo("http://www.a.gov.cn/high");
        }
        try (Frontier f = Frontier.open(dir, Clock.systemUTC())) {
            Frontier.Run again = f.beginOrResume();
            assertThat(again.resumed()).isTrue();
            assertThat(again.id()).isEqualTo(1);
            assertThat(f.inflight()).extracting(FrontierEntry::url).containsExactly("http://www.a.gov.cn/high");
            f.requeueInflight("http://www.a.gov.cn/high");
            assertThat(f.hostsWithQueued()).containsExactly("www.a.gov.cn");
        }
    }

    @Test
    void aCompletionQueuesLinksKeepsHistoryAndTheNextRunStartsEmpty(@TempDir Path dir) {
        try (Frontier f = Frontier.open(dir, Clock.systemUTC())) {
            f.beginOrResume();
            f.enqueue(c("http://www.a.gov.cn/", 10, false));
            f.next("www.a.gov.cn");
            f.complete(new Completion("http://www.a.gov.cn/", 200, "new", null,
                    new History("http://www.a.gov.cn/", "\"e1\"", null, "abc", 200, "REPORT", 1),
                    List.of(new Completion.Outlink("http://www.a.gov.cn/x", "x", false)),
                    List.of(c("http://www.a.gov.cn/x", 10, false)), req("http://www.a.gov.cn/", 200)));
            assertThat(f.contains("http://www.a.gov.cn/x")).isTrue();
            assertThat(f.requests()).hasSize(1);
            f.finishRun();
            Frontier.Run second = f.beginOrResume();
            assertThat(second.resumed()).isFalse();
            assertThat(second.id()).isEqualTo(2);
            assertThat(f.rows()).isEmpty();
            assertThat(f.history("http://www.a.gov.cn/")).get().extracting(History::etag).isEqualTo("\"e1\"");
            assertThat(f.knownReports()).extracting(History::url).containsExactly("http://www.a.gov.cn/");
            assertThat(f.outlinks("http://www.a.gov.cn/")).extracting(Completion.Outlink::target).containsExactly("http://www.a.gov.cn/x");
        }
    }

    @Test
    void pageAndTrapBudgetsRefuseMoreUrlsPerHost(@TempDir Path dir) {
        try (Frontier f = Frontier.open(dir, Clock.systemUTC())) {
            f.beginOrResume();
            f.setBudgets(3, 1);
            assertThat(f.enqueue(c("http://www.a.gov.cn/cal/1", 10, true))).isTrue();
            assertThat(f.enqueue(c("http://www.a.gov.cn/cal/2", 10, true))).isFalse();
            assertThat(f.enqueue(c("http://www.a.gov.cn/a", 10, false))).isTrue();
            assertThat(f.enqueue(c("http://www.a.gov.cn/b", 10, false))).isTrue();
            assertThat(f.enqueue(c("http://www.a.gov.cn/c", 10, false))).isFalse();
            assertThat(f.counts("www.a.gov.cn")).isEqualTo(new Frontier.HostCounts(3, 1, 2));
        }
    }

    @Test
    void aClaimMarksTheBestUrlInFlightAndBringsItsHistoryFromEarlierRuns(@TempDir Path dir) {
        try (Frontier f = Frontier.open(dir, Clock.systemUTC())) {
            f.beginOrResume();
            f.putHistory(new History("http://www.a.gov.cn/report", "\"e7\"", "Mon, 06 Jan 2025 00:00:00 GMT", "abc", 200, "REPORT", 1));
            f.enqueue(c("http://www.a.gov.cn/page", 10, false));
            f.enqueue(c("http://www.a.gov.cn/report", 90, false));
            Frontier.Claim first = f.claim("www.a.gov.cn").orElseThrow();
            assertThat(first.entry().url()).isEqualTo("http://www.a.gov.cn/report");
            assertThat(first.history()).get().extracting(History::etag).isEqualTo("\"e7\"");
            assertThat(f.inflight()).extracting(FrontierEntry::url).containsExactly("http://www.a.gov.cn/report");
            Frontier.Claim second = f.claim("www.a.gov.cn").orElseThrow();
            assertThat(second.entry().url()).isEqualTo("http://www.a.gov.cn/page");
            assertThat(second.history()).isEmpty();
            assertThat(f.claim("www.a.gov.cn")).isEmpty();
        }
    }

    @Test
    void aUrlQueuedEarlierInTheRunIsRefusedWithoutSpendingBudgetAlsoAfterAResume(@TempDir Path dir) {
        try (Frontier f = Frontier.open(dir, Clock.systemUTC())) {
            f.beginOrResume();
            f.setBudgets(2, 10);
            assertThat(f.enqueue(c("http://www.a.gov.cn/a", 10, false))).isTrue();
            assertThat(f.enqueue(c("http://www.a.gov.cn/a", 10, false))).isFalse();
            assertThat(f.enqueue(c("http://www.a.gov.cn/b", 10, false))).isTrue();
            assertThat(f.enqueue(c("http://www.a.gov.cn/b", 10, false))).isFalse();
            assertThat(f.enqueue(c("http://www.a.gov.cn/c", 10, false))).isFalse();
            assertThat(f.counts("www.a.gov.cn")).isEqualTo(new Frontier.HostCounts(2, 0, 1));
        }
        try (Frontier f = Frontier.open(dir, Clock.systemUTC())) {
            assertThat(f.beginOrResume().resumed()).isTrue();
            f.setBudgets(2, 10);
            f.enqueueAll(List.of(c("http://www.a.gov.cn/a", 10, false), c("http://www.a.gov.cn/a", 10, false)));
            assertThat(f.counts("www.a.gov.cn")).isEqualTo(new Frontier.HostCounts(2, 0, 0));
            assertThat(f.rows()).hasSize(2);
        }
    }
}
