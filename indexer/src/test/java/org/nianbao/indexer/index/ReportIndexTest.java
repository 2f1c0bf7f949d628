package org.nianbao.indexer.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;
import org.nianbao.indexer.synth.CorpusReports;

import java.nio.file.Path;
import java.util.Map;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportIndexTest {

    private static final Instant T0 = Instant.parse("2021-03-01T08:00:00Z");

    private static ReportRecord corpusReport(int i) {
        return CorpusReports.load(Path.of(System.getProperty("nianbao.shared"), "corpus"), T0).get(i);
    }

    private static ReportRecord withOriginals(ReportRecord r, String status, Original... originals) {
        return new ReportRecord(r.id(), r.parsed(), r.text(), List.of(originals), status);
    }

    @Test
    void anHtmlPageAndItsPdfAttachmentAreOneReportWithBothOriginals(@TempDir Path dir) {
        ReportRecord r = corpusReport(0);
        Original html = new Original("http://www.wuzhong.gov.cn/a.html", T0, "a".repeat(64), "html", 10, 1000);
        Original pdf = new Original("http://www.wuzhong.gov.cn/a.pdf", T0.plusSeconds(5), "b".repeat(64), "pdf", 11, 2000);
        Original later = new Original("http://www.wuzhong.gov.cn/a.html", T0.plusSeconds(86400 * 7), "c".repeat(64), "html", 40, 1001);
        try (ReportIndex index = ReportIndex.open(dir)) {
            index.addOrUpdate(withOriginals(r, "current", html));
            index.addOrUpdate(withOriginals(r, "current", pdf));
            index.commit(11L);
            // A later run (after a commit) sees the same report captured again, changed.
            index.addOrUpdate(withOriginals(r, "changed", later));
            index.addOrUpdate(withOriginals(r, "changed", later));
            index.commit(40L);
            assertThat(index.size()).isEqualTo(1);
        }
        try (ReportSearcher searcher = ReportSearcher.open(dir)) {
            SearchResult res = searcher.search(SearchRequest.of("吴忠"));
            assertThat(res.total()).isEqualTo(1);
            assertThat(res.hits().get(0).originals()).extracting(Original::captureId).containsExactly(10L, 11L, 40L);
            assertThat(res.hits().get(0).formats()).containsExactly("html", "pdf");
            assertThat(res.hits().get(0).status()).isEqualTo("changed");
            assertThat(res.facets().get("status")).containsEntry("changed", 1L).doesNotContainKey("current");
        }
    }

    @Test
    void replaceDropsTheOldOriginalsAndDeleteRemovesTheReport(@TempDir Path dir) {
        ReportRecord r = corpusReport(1);
        Original a = new Original("http://x/a.html", T0, "a".repeat(64), "html", 1, 10);
        Original b = new Original("http://x/b.pdf", T0, "b".repeat(64), "pdf", 2, 10);
        try (ReportIndex index = ReportIndex.open(dir)) {
            index.addOrUpdate(withOriginals(r, "current", a));
            index.replace(withOriginals(r, "current", b));
            index.addOrUpdate(withOriginals(corpusReport(2), "current"));
            index.commit();
            index.delete(corpusReport(2).id());
            index.commit();
        }
        try (ReportSearcher searcher = ReportSearcher.open(dir)) {
            assertThat(searcher.report(r.id()).orElseThrow().originals()).containsExactly(b);
            assertThat(searcher.report(corpusReport(2).id())).isEmpty();
        }
    }

    @Test
    void lastIndexedCaptureIdSurvivesReopeningAndRebuildForgetsIt(@TempDir Path dir) {
        try (ReportIndex index = ReportIndex.open(dir)) {
            assertThat(index.lastIndexedCaptureId()).isEmpty();
            index.addOrUpdate(corpusReport(3));
            index.commit(1234L);
        }
        try (ReportIndex index = ReportIndex.open(dir)) {
            assertThat(index.lastIndexedCaptureId()).hasValue(1234L);
            index.addOrUpdate(corpusReport(4));
            index.commit();
            assertThat(index.lastIndexedCaptureId()).hasValue(1234L);
            assertThat(index.size()).isEqualTo(2);
        }
        try (ReportIndex index = ReportIndex.open(dir, true)) {
            assertThat(index.lastIndexedCaptureId()).isEmpty();
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void recordsRoundTripThroughTheIndexUnchanged(@TempDir Path dir) {
        ReportRecord r = corpusReport(1);
        try (ReportIndex index = ReportIndex.open(dir)) {
            index.addOrUpdate(r);
            index.commit();
        }
        try (ReportSearcher searcher = ReportSearcher.open(dir)) {
            assertThat(searcher.report(r.id())).contains(r);
        }
    }

    @Test
    void anIndexWithTheOlderOffsetsLayoutIsRebuiltFromTheArchiveWhenOpened(@TempDir Path dir) throws Exception {
        // The layout before highlighting re-analysed stored text: offsets in the text's postings.
        FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(ChineseAnalyzers.bigrams()))) {
            Document d = new Document();
            d.add(new Field(ReportFields.TEXT, "行政诉讼", withOffsets));
            w.addDocument(d);
            w.setLiveCommitData(Map.of(ReportIndex.LAST_CAPTURE_ID, "41").entrySet());
            w.commit();
        }
        try (ReportIndex index = ReportIndex.open(dir)) {
            assertThat(index.size()).as("started afresh").isZero();
            assertThat(index.lastIndexedCaptureId()).as("so the indexer reads every capture again").isEmpty();
            index.addOrUpdate(corpusReport(0));
            index.commit(42L);
        }
        try (ReportIndex reopened = ReportIndex.open(dir)) {
            assertThat(reopened.size()).isEqualTo(1);
            assertThat(reopened.lastIndexedCaptureId()).hasValue(42L);
        }
    }

    @Test
    void searchingWithoutAnIndexSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> ReportSearcher.open(dir.resolve("index")))
                .isInstanceOf(IndexException.class).hasMessageContaining("no index in").hasMessageContaining("nianbao index");
    }

    @Test
    void figuresAreNamedLikeTheTemplate() {
        var figures = Figures.of(corpusReport(0).parsed());
        assertThat(figures).containsEntry("t3.新收.总计", 9L).containsEntry("t3.予以公开.自然人", 4L)
                .containsEntry("t2.规范性文件.对外公开总数量", 110L).containsEntry("t4.行政复议.其他结果", 1L)
                .containsEntry("t4.行政复议.总计", 1L).containsEntry(Figures.LITIGATION_TOTAL, 0L);
        assertThat(Figures.standardNames()).hasSize(22 + 23 * 7 + 15 + 1).doesNotHaveDuplicates();
        // 002 prints 24063 万元 for 采购总金额; 行政复议 cells are blank (absent, not 0).
        var f2 = Figures.of(corpusReport(2).parsed());
        assertThat(f2.get(Figures.PROCUREMENT_AMOUNT)).isNotNull();
        assertThat(f2).doesNotContainKey("t4.行政复议.总计");
    }
}
