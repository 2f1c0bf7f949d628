package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.app.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTest {
    private static final Path DOCS = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs", "000_ce2cda99d1cc7ffa");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void jsonHasTheDocumentedKeysAndTableCells() throws Exception {
        Run r = run("extract", DOCS.resolve("report.docx").toString(), "--json");

        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().contains("format", "title", "text", "tables", "pages", "method", "warnings")
                .doesNotContain("error");
        assertThat(json.get("format").asText()).isEqualTo("docx");
        assertThat(json.get("text").asText()).contains("收到和处理政府信息公开申请情况");
        JsonNode cell = json.get("tables").get(0).get(0).get(0);
        assertThat(cell.fieldNames()).toIterable().containsExactly("text", "row_span", "col_span", "page");
    }

    @Test
    void plainOutputShowsTextAndTables() {
        Run r = run("extract", DOCS.resolve("report.utf8.html").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("format:  html", "一、总体情况", "--- table 1 ---", "--- links ---");
    }

    @Test
    void hostileFileExitsOneWithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = Files.write(dir.resolve("report.pdf"), ("%PDF-1.7\n" + "garbage ".repeat(200)).getBytes());

        Run r = run("extract", bad.toString(), "--json");

        assertThat(r.exit()).isEqualTo(1);
        String[] lines = r.err().strip().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).startsWith("nianbao: ").contains("report.pdf");
        assertThat(r.err()).doesNotContain("\tat ", "Exception in");
        assertThat(new ObjectMapper().readTree(r.out()).get("error").asText()).isNotBlank();
    }

    @Test
    void missingFileExitsOne(@TempDir Path dir) {
        Run r = run("extract", dir.resolve("nope.pdf").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("nianbao: " + dir.resolve("nope.pdf") + ": no such file");
    }

    @Test
    void missingArgumentIsBadUsage() {
        Run r = run("extract");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(Arrays.asList(r.err().split("\n"))).anyMatch(l -> l.contains("FILE"));
    }
}
