package org.nianbao.indexer.search;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParsedReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSearcherTest {

    private static final int SYNTHETIC = 250;

    private List<ReportRecord> records;
    private ReportSearcher searcher;
    private Path indexDir;

    @BeforeAll
    void buildIndex(@TempDir Path dir) throws Exception {
        records = TestReports.mixed(SYNTHETIC);
        indexDir = dir.resolve("index");
        TestReports.index(indexDir, records);
        searcher = ReportSearcher.open(indexDir);
    }

    @Test
    void aRepeatedBrowseIsAnsweredAgainAndANewCommitIsCountedAfresh(@TempDir Path dir) throws Exception {
        List<ReportRecord> some = TestReports.mixed(40);
        Path index = dir.resolve("index");
        TestReports.index(index, some);
        ReportRecord model = some.stream().filter(r -> r.parsed().reportYear() == 2020).findFirst().orElseThrow();
        SearchRequest browse = SearchRequest.of("").withFacet("year", "2020").withFacet("admin_level", model.parsed().adminLevel());
        try (ReportSearcher s = ReportSearcher.open(index)) {
            SearchResult first = s.search(browse);
            SearchResult again = s.search(browse);
            long expected = some.stream().filter(r -> r.parsed().reportYear() == 2020
                    && r.parsed().adminLevel().equals(model.parsed().adminLevel())).count();
            assertThat(first.total()).isEqualTo(expected).isPositive();
            assertThat(again.total()).isEqualTo(first.total());
            assertThat(again.facets()).isEqualTo(first.facets());
            assertThat(again.hits()).isEqualTo(first.hits());

            try (ReportIndex writer = ReportIndex.open(index)) {
                writer.addOrUpdate(new ReportRecord(model.id() + "-again", model.parsed(), model.text(), model.originals(), model.status()));
                // Replacing reports leaves deleted documents behind, which no count may include.
                some.subList(0, 10).forEach(writer::replace);
                writer.commit(100L);
            }
            SearchResult after = s.search(browse);
            assertThat(after.total()).isEqualTo(first.total() + 1);
            assertThat(after.facets().get("year").get("2020")).isEqualTo(first.facets().get("year").get("2020") + 1);
            List<ReportRecord> now = new ArrayList<>(some);
            now.add(model);
            SearchResult all = s.search(SearchRequest.of(""));
            assertThat(all.total()).isEqualTo(now.size());
            assertThat(all.facets().get("year")).isEqualTo(count(now, r -> List.of(r.parsed().reportYear().toString())));
            assertThat(all.facets().get("region")).isEqualTo(count(now, r -> List.of(r.parsed().regionProvince())));
            assertThat(all.facets().get("format")).isEqualTo(count(now, r -> r.originals().stream().map(Original::format).distinct().toList()));
        }
    }

    @Test
    void rankingManyMatchesByBigramsChangesOnlyTheOrderNotTheMatchesOrCounts() {
        List<SearchRequest> requests = List.of(
                SearchRequest.of("政府信息").withLimit(1000),
                SearchRequest.of("\"政府信息公开\" NOT 行政复议").withLimit(1000),
                SearchRequest.of("(申请 OR 网站) AND year:[2010 TO 2024]").withLimit(1000),
                new SearchRequest("政府信息 NOT agency:吴忠市", Map.of("year", List.of("2020", "2021")), null, 1000, 0));
        try (ReportSearcher exact = ReportSearcher.open(indexDir, 2, 1, Long.MAX_VALUE);
             ReportSearcher cheap = ReportSearcher.open(indexDir, 2, 1, 0)) {
            for (SearchRequest req : requests) {
                SearchResult a = exact.search(req);
                SearchResult b = cheap.search(req);
                assertThat(b.total()).as(req.query()).isEqualTo(a.total()).isPositive();
                assertThat(b.facets()).as(req.query()).isEqualTo(a.facets());
                assertThat(b.hits()).as(req.query()).hasSize(a.hits().size());
                assertThat(b.hits().stream().map(ReportHit::id).collect(Collectors.toSet()))
                        .as(req.query()).isEqualTo(a.hits().stream().map(ReportHit::id).collect(Collectors.toSet()))
                        .isEqualTo(ids(req));
            }
        }
    }

    @Test
    void searchingSlicesOfASegmentOnSeveralThreadsGivesTheSameAnswerAsOneThread() {
        List<SearchRequest> requests = List.of(
                SearchRequest.of("政府信息").withLimit(30),
                SearchRequest.of("\"行政复议\"").withSort("t3.新收.总计"),
                SearchRequest.of("").withFacet("year", "2020").withFacet("admin_level", "county"),
                new SearchRequest("政府信息", Map.of("region", List.of("宁夏回族自治区/吴忠市"), "year", List.of("2020", "2021")), null, 10, 0),
                new SearchRequest("t3.新收.总计:>=5 AND year:[2010 TO 2024]", Map.of(), "t3.新收.总计:asc", 15, 5));
        try (ReportSearcher one = ReportSearcher.open(indexDir, 1, Integer.MAX_VALUE, Long.MAX_VALUE);
             ReportSearcher sliced = ReportSearcher.open(indexDir, 3, 1, Long.MAX_VALUE)) {
            for (SearchRequest req : requests) {
                SearchResult a = one.search(req);
                SearchResult b = sliced.search(req);
                assertThat(b.total()).as(req.query()).isEqualTo(a.total()).isPositive();
                assertThat(b.facets()).as(req.query()).isEqualTo(a.facets());
                assertThat(b.hits()).as(req.query()).isEqualTo(a.hits()).isNotEmpty();
            }
        }
    }

    private Set<String> ids(String query) {
        return ids(SearchRequest.of(query));
    }

    private Set<String> ids(SearchRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        long n = searcher.forEachMatchingId(request, ids::add);
        assertThat(n).isEqualTo(ids.size());
        return ids;
    }

    private Set<String> bruteForce(Predicate<ReportRecord> p) {
        return records.stream().filter(p).map(ReportRecord::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** What an unqualified word is searched in: the text, the title and the agency. */
    private static String searchable(ReportRecord r) {
        return closeUp(r.text()) + "|" + closeUp(r.parsed().title()) + "|" + closeUp(r.parsed().agency());
    }

    private static String closeUp(String text) {
        return text.replaceAll("(?<=\\p{IsHan})[\\s\\u3000]+(?=\\p{IsHan})", "");
    }

    @Test
    void everyCorpusReportIsFoundByEachOfManySubstringsOfItsText() {
        SplittableRandom rnd = new SplittableRandom(7);
        int tried = 0;
        for (ReportRecord r : records.subList(0, 5)) {
            String text = closeUp(r.text());
            List<String> probes = new ArrayList<>(List.of("诉讼", "行政诉讼", "政府信息公开", "年度报告"));
            while (probes.size() < 60) {
                int len = 2 + rnd.nextInt(9);
                int start = rnd.nextInt(text.length() - len);
                String s = text.substring(start, start + len);
                if (usable(text, start, s)) probes.add(s);
            }
            for (String probe : probes) {
                tried++;
                SearchRequest q = SearchRequest.of("\"" + probe + "\"");
                assertThat(ids(q)).as("report %s by substring '%s'", r.id(), probe).contains(r.id());
            }
        }
        assertThat(tried).isEqualTo(300);
    }

    /** A substring of Chinese text: at least two Han characters, no whitespace, digit runs not cut. */
    private static boolean usable(String text, int start, String s) {
        if (s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() < 2) return false;
        if (s.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\' || c < 0x80 && !Character.isLetterOrDigit(c))) return false;
        boolean cutsBefore = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)) && text.charAt(start - 1) < 0x80
                && Character.isLetterOrDigit(s.charAt(0)) && s.charAt(0) < 0x80;
        int end = start + s.length();
        boolean cutsAfter = end < text.length() && text.charAt(end) < 0x80 && Character.isLetterOrDigit(text.charAt(end))
                && s.charAt(s.length() - 1) < 0x80 && Character.isLetterOrDigit(s.charAt(s.length() - 1));
        return !cutsBefore && !cutsAfter;
    }

    @Test
    void substringsInsideWordsFindReportsThatWordSegmentationMisses() {
        assertThat(ids("诉讼")).isEqualTo(bruteForce(r -> searchable(r).contains("诉讼")));
        assertThat(ids("宁夏")).isEqualTo(bruteForce(r -> searchable(r).contains("宁夏")));
        assertThat(ids("region:吴忠")).isEqualTo(bruteForce(r -> "吴忠市".equals(r.parsed().regionCity())));
    }

    @Test
    void andOrNotAgreeWithBruteForce() {
        Predicate<ReportRecord> a = r -> searchable(r).contains("依申请");
        Predicate<ReportRecord> b = r -> searchable(r).contains("政务新媒体");
        assertThat(ids("依申请 AND 政务新媒体")).isEqualTo(bruteForce(a.and(b)));
        assertThat(ids("依申请 政务新媒体")).isEqualTo(bruteForce(a.and(b)));
        assertThat(ids("依申请 OR 政务新媒体")).isEqualTo(bruteForce(a.or(b)));
        assertThat(ids("依申请 NOT 政务新媒体")).isEqualTo(bruteForce(a.and(b.negate())));
        assertThat(ids("NOT 政务新媒体")).isEqualTo(bruteForce(b.negate()));
        assertThat(ids("(依申请 OR 政务新媒体) AND year:2020")).isEqualTo(bruteForce(a.or(b).and(r -> r.parsed().reportYear() == 2020)));
    }

    @Test
    void fieldFiltersSelectExactlyTheMatchingReports() {
        assertThat(ids("year:2020")).isEqualTo(bruteForce(r -> r.parsed().reportYear() == 2020));
        assertThat(ids("year:[2019 TO 2022]")).isEqualTo(bruteForce(r -> r.parsed().reportYear() >= 2019 && r.parsed().reportYear() <= 2022));
        assertThat(ids("agency:吴忠市人民政府办公室")).contains("吴忠市人民政府办公室/2020");
        assertThat(ids("admin_level:County")).isEqualTo(bruteForce(r -> "county".equals(r.parsed().adminLevel())));
        assertThat(ids("status:removed")).isEqualTo(bruteForce(r -> r.status().equals("removed")));
        assertThat(ids("format:pdf")).isEqualTo(bruteForce(r -> r.originals().stream().anyMatch(o -> o.format().equals("pdf"))));
        assertThat(ids("year:{2019 TO 2022}")).isEqualTo(bruteForce(r -> r.parsed().reportYear() > 2019 && r.parsed().reportYear() < 2022));
        assertThat(ids("title:年度报告 AND region:固原")).containsExactly("固原市人民政府/2020");
        assertThat(ids("url:\"" + records.get(3).originals().get(1).url() + "\"")).containsExactly(records.get(3).id());
        String sha = records.get(2).originals().get(0).sha256();
        assertThat(ids("sha256:" + sha)).containsExactly(records.get(2).id());
    }

    @Test
    void rangeFiltersAgreeWithTheParsedFigures() {
        Function<ReportRecord, Number> received = r -> Figures.of(r.parsed()).get("t3.新收.总计");
        assertThat(ids("t3.新收.总计:>=100")).isNotEmpty()
                .isEqualTo(bruteForce(r -> received.apply(r) != null && received.apply(r).longValue() >= 100));
        assertThat(ids("t3.新收.总计:<5")).isEqualTo(bruteForce(r -> received.apply(r) != null && received.apply(r).longValue() < 5));
        assertThat(ids("t3.新收.总计:[10 TO 20] AND year:[2010 TO 2015]")).isEqualTo(bruteForce(r -> received.apply(r) != null
                && received.apply(r).longValue() >= 10 && received.apply(r).longValue() <= 20
                && r.parsed().reportYear() >= 2010 && r.parsed().reportYear() <= 2015));
        assertThat(ids("t4.行政复议.总计:>0")).isEqualTo(bruteForce(r -> r.parsed().table4().get(4) != null && r.parsed().table4().get(4) > 0));
        assertThat(ids("t2.政府集中采购.采购总金额:>=20000")).isEqualTo(bruteForce(r -> {
            Number n = Figures.of(r.parsed()).get(Figures.PROCUREMENT_AMOUNT);
            return n != null && n.doubleValue() >= 20000;
        }));
    }

    @Test
    void sortByAFigureAgreesWithTheParsedFigures() {
        SearchResult desc = searcher.search(new SearchRequest("year:[2008 TO 2024]", Map.of(), "t3.新收.总计", 50, 0));
        List<Long> got = desc.hits().stream().map(h -> h.figures().get("t3.新收.总计").longValue()).toList();
        List<Long> expected = records.stream().map(r -> Figures.of(r.parsed()).get("t3.新收.总计"))
                .filter(n -> n != null).map(Number::longValue).sorted(Comparator.reverseOrder()).limit(50).toList();
        assertThat(got).isEqualTo(expected);

        SearchResult byYear = searcher.search(new SearchRequest("", Map.of(), "year:asc", 30, 0));
        List<Integer> years = byYear.hits().stream().map(ReportHit::year).toList();
        assertThat(years).isSorted().first().isEqualTo(records.stream().mapToInt(r -> r.parsed().reportYear()).min().orElseThrow());

        SearchResult page2 = searcher.search(new SearchRequest("", Map.of(), "t3.新收.总计", 10, 10));
        assertThat(page2.hits()).extracting(ReportHit::id).isEqualTo(desc.hits().subList(10, 20).stream().map(ReportHit::id).toList());
    }

    @Test
    void facetCountsEqualABruteForceCountOverTheReports() {
        SearchResult all = searcher.search(new SearchRequest("", Map.of(), null, 5, 0));
        assertThat(List.copyOf(all.facets().get("year").keySet())).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all.total()).isEqualTo(records.size());
        assertThat(all.facets().get("year")).isEqualTo(count(records, r -> List.of(r.parsed().reportYear().toString())));
        assertThat(all.facets().get("admin_level")).isEqualTo(count(records, r -> List.of(r.parsed().adminLevel())));
        assertThat(all.facets().get("agency_kind")).isEqualTo(count(records, r -> List.of(r.parsed().agencyKind())));
        assertThat(all.facets().get("status")).isEqualTo(count(records, r -> List.of(r.status())));
        assertThat(all.facets().get("template")).isEqualTo(count(records, r -> List.of(r.parsed().template())));
        assertThat(all.facets().get("checks")).isEqualTo(count(records, r -> List.of(r.parsed().checksHold() ? "pass" : "fail")));
        assertThat(all.facets().get("format")).isEqualTo(count(records,
                r -> r.originals().stream().map(Original::format).distinct().toList()));
        assertThat(all.facets().get("region")).isEqualTo(count(records, r -> List.of(r.parsed().regionProvince())));
        assertThat(all.facets().get("checks")).containsKey("fail");
    }

    @Test
    void drillDownFiltersHitsAndCountsOtherDimensionsSideways() {
        String province = "宁夏回族自治区";
        SearchRequest req = new SearchRequest("政府信息", Map.of("region", List.of(province + "/吴忠市"), "year", List.of("2020", "2021")),
                null, 10, 0);
        SearchResult r = searcher.search(req);
        Predicate<ReportRecord> text = x -> searchable(x).contains("政府信息");
        Predicate<ReportRecord> region = x -> province.equals(x.parsed().regionProvince()) && "吴忠市".equals(x.parsed().regionCity());
        Predicate<ReportRecord> year = x -> x.parsed().reportYear() == 2020 || x.parsed().reportYear() == 2021;
        List<ReportRecord> hits = records.stream().filter(text.and(region).and(year)).toList();
        assertThat(r.total()).isEqualTo(hits.size()).isPositive();
        assertThat(ids(req)).isEqualTo(bruteForce(text.and(region).and(year)));
        // Sideways: the year counts ignore the year filter, the region counts ignore the region filter.
        assertThat(r.facets().get("year")).isEqualTo(count(records.stream().filter(text.and(region)).toList(),
                x -> List.of(x.parsed().reportYear().toString())));
        assertThat(r.facets().get("region")).isEqualTo(count(records.stream().filter(text.and(year)
                .and(x -> province.equals(x.parsed().regionProvince()) && "吴忠市".equals(x.parsed().regionCity())
                        && x.parsed().regionCounty() != null)).toList(), x -> List.of(province + "/吴忠市/" + x.parsed().regionCounty())));
        assertThat(r.facets().get("status")).isEqualTo(count(hits, x -> List.of(x.status())));
    }

    private static Map<String, Long> count(List<ReportRecord> rs, Function<ReportRecord, List<String>> values) {
        Map<String, Long> m = new HashMap<>();
        for (ReportRecord r : rs) for (String v : values.apply(r)) m.merge(v, 1L, Long::sum);
        return new TreeMap<>(m);
    }

    @Test
    void hitsCarryFiguresChecksOriginalsAndHighlightedSnippets() {
        SearchResult r = searcher.search(SearchRequest.of("\"行政复议\" AND agency:吴忠市人民政府办公室 AND year:2020"));
        assertThat(r.total()).isEqualTo(1);
        ReportHit hit = r.hits().get(0);
        assertThat(hit.id()).isEqualTo("吴忠市人民政府办公室/2020");
        assertThat(hit.region()).isEqualTo("宁夏回族自治区/吴忠市");
        assertThat(hit.figures()).containsEntry("t3.新收.总计", 9L).containsEntry("t4.行政复议.总计", 1L);
        assertThat(hit.checksHold()).isTrue();
        assertThat(hit.formats()).containsExactly("doc", "docx", "html", "pdf");
        assertThat(hit.originals()).hasSize(4).allSatisfy(o -> assertThat(o.sha256()).hasSize(64));
        assertThat(hit.snippets()).hasSizeBetween(1, 3).anySatisfy(s -> assertThat(s).contains("<mark>行政复议</mark>"));
        // Fragments stay short even inside a flattened table with no sentence end.
        SearchResult tables = searcher.search(SearchRequest.of("属于国家秘密").withLimit(20));
        assertThat(tables.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.snippets()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.replaceAll("</?mark>", "").replaceAll("&[a-z#0-9]+;", "x")).hasSizeLessThanOrEqualTo(SnippetFormatter.MAX_CHARS)));
    }

    @Test
    void malformedQueriesGiveAClearError() {
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("\"行政诉讼")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("cannot parse query");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("\"行政诉讼")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("quote");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("year:[2019 TO")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("year:[2019 TO").hasMessageContaining("range is not closed");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("(诉讼 OR 复议")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("'(' is not closed");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("colour:red")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("t3.新收.总计:>=many")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("many");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("诉讼").withSort("colour")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("cannot sort by 'colour'");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("诉讼").withFacet("colour", "red")))
                .isInstanceOf(QueryParseException.class).hasMessageContaining("unknown facet 'colour'");
        assertThatThrownBy(() -> searcher.search(SearchRequest.of("AND")))
                .isInstanceOf(QueryParseException.class).hasMessageNotContaining("\n");
    }

    @Test
    void streamedMatchesAreTheSameReportsAsTheIds() {
        SearchRequest req = SearchRequest.of("诉讼 AND year:[2012 TO 2020]");
        Set<String> streamed = new LinkedHashSet<>();
        searcher.forEachMatch(req, r -> streamed.add(r.id()));
        assertThat(streamed).isEqualTo(ids(req)).hasSize((int) searcher.count(req));
    }

    @Test
    void figureTotalsPerGroupEqualBruteForceSums() {
        List<String> figures = List.of("t3.新收.总计", "t3.予以公开.总计", Figures.PROCUREMENT_AMOUNT);
        SearchRequest req = SearchRequest.of("year:[2010 TO 2022]").withFacet("admin_level", "county");
        Predicate<ReportRecord> match = r -> r.parsed().reportYear() >= 2010 && r.parsed().reportYear() <= 2022
                && "county".equals(r.parsed().adminLevel());
        for (String groupBy : List.of("year", "province")) {
            List<FigureTotals> totals = searcher.totals(req, figures, groupBy);
            Map<String, Long> reports = new TreeMap<>();
            Map<String, Double> received = new TreeMap<>();
            Map<String, Double> amount = new TreeMap<>();
            for (ReportRecord r : records.stream().filter(match).toList()) {
                String g = groupBy.equals("year") ? r.parsed().reportYear().toString() : r.parsed().regionProvince();
                var f = Figures.of(r.parsed());
                reports.merge(g, 1L, Long::sum);
                received.merge(g, f.getOrDefault("t3.新收.总计", 0L).doubleValue(), Double::sum);
                amount.merge(g, f.getOrDefault(Figures.PROCUREMENT_AMOUNT, 0L).doubleValue(), Double::sum);
            }
            assertThat(totals).extracting(FigureTotals::group).containsExactlyElementsOf(reports.keySet());
            for (FigureTotals t : totals) {
                assertThat(t.reports()).isEqualTo(reports.get(t.group()));
                assertThat(t.sums().get("t3.新收.总计")).isEqualTo(received.get(t.group()));
                assertThat(t.sums().get(Figures.PROCUREMENT_AMOUNT)).isCloseTo(amount.get(t.group()), org.assertj.core.data.Offset.offset(0.01));
            }
        }
        assertThat(searcher.totals(SearchRequest.of(""), List.of("t3.新收.总计"), null)).singleElement()
                .satisfies(t -> assertThat(t.reports()).isEqualTo(records.size()));
        assertThatThrownBy(() -> searcher.totals(req, figures, "colour")).isInstanceOf(QueryParseException.class);
        assertThatThrownBy(() -> searcher.totals(req, List.of("t9.x"), "year")).isInstanceOf(QueryParseException.class);
    }

    @Test
    void reportByIdHasItsTextAndTables() {
        ReportRecord r = searcher.report("固原市人民政府/2020").orElseThrow();
        assertThat(r.text()).isEqualTo(records.get(1).text());
        ParsedReport expected = records.get(1).parsed();
        assertThat(r.parsed().table3()).isEqualTo(expected.table3());
        assertThat(r.parsed().table2()).isEqualTo(expected.table2());
        assertThat(searcher.report("nobody/1999")).isEmpty();
    }
}
