package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.app.Main;
import org.nianbao.app.web.TestIndex;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.Csv;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The search verbs run as a user runs them, against a real index in a temp data folder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchVerbsTest {

    private Path data;
    private List<ReportRecord> records;

    @BeforeAll
    void buildIndex(@TempDir Path dir) throws Exception {
        data = dir.resolve("data");
        records = TestIndex.build(data, 150);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.toString());
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void searchPrintsJsonWithTotalHitsAndFacets() throws Exception {
        Run r = run(new SearchCommand(), "行政复议", "--facet", "admin_level=city", "--limit", "2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = ReportJson.mapper().readTree(r.out());
        assertThat(json.get("total").asLong()).isPositive();
        assertThat(json.get("hits")).hasSizeLessThanOrEqualTo(2);
        assertThat(json.get("hits").get(0).get("adminLevel").asText()).isEqualTo("city");
        assertThat(json.get("facets").get("admin_level").get("city").asLong()).isEqualTo(json.get("total").asLong());
    }

    @Test
    void searchPrintsReadableHitsWithMarkedSnippets() {
        Run r = run(new SearchCommand(), "agency:吴忠市人民政府办公室", "year:2020", "行政复议");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("1 report").contains("吴忠市人民政府办公室/2020").contains("【行政复议】").contains("t3.新收.总计=9");
    }

    @Test
    void malformedQueryExitsTwoWithOneLine() {
        for (String[] args : List.of(new String[] {"\"行政诉讼"}, new String[] {"year:[2019 TO"}, new String[] {"colour:red"},
                new String[] {"诉讼", "--sort", "colour"}, new String[] {"诉讼", "--facet", "year"})) {
            Run r = run(new SearchCommand(), args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("nianbao search: ").doesNotContain("\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void exportWritesOneRowPerMatchingReport() throws Exception {
        Path csv = data.resolve("out.csv");
        Run r = run(new ExportCommand(), "year:[2010 TO 2020]", "--format", "csv", "-o", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        long expected = records.stream().filter(x -> x.parsed().reportYear() >= 2010 && x.parsed().reportYear() <= 2020).count();
        List<List<String>> rows = Csv.read(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)));
        assertThat(rows).hasSize((int) expected + 1);
        assertThat(r.err()).contains("exported " + expected + " reports");

        Path jsonl = data.resolve("out.jsonl");
        assertThat(run(new ExportCommand(), "--facet", "checks=fail", "--format", "jsonl", "-o", jsonl.toString()).exit()).isZero();
        long failing = records.stream().filter(x -> !x.parsed().checksHold()).count();
        assertThat(Files.readAllLines(jsonl)).hasSize((int) failing);

        Run bad = run(new ExportCommand(), "--format", "xlsx");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown export format 'xlsx'");
    }

    @Test
    void batchSearchGivesCountsAndTopHitsPerQueryAndKeepsGoingPastABadOne() throws Exception {
        Path queries = data.resolve("queries.csv");
        Files.writeString(queries, "query\n行政复议\n\"year:[2019 TO\"\nyear:2020 AND 诉讼\n\"agency:吴忠市人民政府办公室, year:2020\"\n", StandardCharsets.UTF_8);
        Run r = run(new BatchSearchCommand(), queries.toString(), "--top", "2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("1 of 4 queries failed");
        List<List<String>> rows = Csv.read(new StringReader(r.out()));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("query", "total", "top_ids", "top_agencies", "top_years", "error");
        assertThat(rows.get(1).get(0)).isEqualTo("行政复议");
        assertThat(Long.parseLong(rows.get(1).get(1))).isPositive();
        assertThat(rows.get(1).get(2).split("; ")).hasSize(2);
        assertThat(rows.get(2).get(5)).contains("cannot parse query");
        assertThat(rows.get(4).get(1)).isEqualTo("1");
        assertThat(rows.get(4).get(2)).isEqualTo("吴忠市人民政府办公室/2020");
    }

    @Test
    void verbsAreRegisteredInTheMainCommand() {
        assertThat(Main.run("search", "--help")).isZero();
        assertThat(Main.run("batch-search", "--help")).isZero();
        assertThat(Main.run("export", "--help")).isZero();
        assertThat(Main.run("serve", "--help")).isZero();
    }
}
