package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.extract.table.TableAssembler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nianbao extract FILE [--json]}: prints what extraction makes of one document. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract text and tables from a document (HTML, PDF, DOCX, DOC, WPS, OFD, text, scans via OCR).")
public final class ExtractCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ExtractCommand.class);

    @Parameters(index = "0", paramLabel = "FILE", description = "the document to extract")
    Path file;

    @Option(names = "--json", description = "print the extracted document as JSON")
    boolean json;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "Content-Type the document was served with, if known")
    String contentType;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "data folder (for the log); default ./data")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("nianbao: " + file + ": no such file");
            return 1;
        }
        ExtractedDocument doc = Extractors.defaults().extract(file, contentType, file.getFileName().toString());
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(doc)));
        } else {
            printText(doc, out);
        }
        out.flush();
        for (String w : doc.warnings()) log.debug("{}: {}", file, w);
        if (doc.error() != null) {
            log.debug("{}: {}", file, doc.error()); // the file log only: stderr gets the one line below
            err.println("nianbao: " + file + ": " + doc.error().replaceAll("\\s+", " "));
            return 1;
        }
        return 0;
    }

    /** The model under the documented JSON keys; {@code error} is absent when extraction went fine. */
    static Map<String, Object> toJson(ExtractedDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", d.format());
        m.put("title", d.title());
        m.put("text", d.text());
        List<Object> tables = new ArrayList<>();
        for (ExtractedDocument.Table t : d.tables()) {
            List<Object> rows = new ArrayList<>();
            for (List<ExtractedDocument.Cell> row : t.rows()) {
                List<Object> cells = new ArrayList<>();
                for (ExtractedDocument.Cell c : row) {
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("text", c.text());
                    cell.put("row_span", c.rowSpan());
                    cell.put("col_span", c.colSpan());
                    cell.put("page", c.page());
                    cells.add(cell);
                }
                rows.add(cells);
            }
            tables.add(rows);
        }
        m.put("tables", tables);
        m.put("pages", d.pages());
        m.put("method", d.method());
        m.put("warnings", d.warnings());
        if (d.error() != null) m.put("error", d.error());
        m.put("links", d.links());
        return m;
    }

    private static void printText(ExtractedDocument d, PrintWriter out) {
        out.println("format:  " + d.format() + " (" + d.method() + ", " + d.pages() + " page" + (d.pages() == 1 ? "" : "s") + ")");
        if (d.title() != null) out.println("title:   " + d.title());
        for (String w : d.warnings()) out.println("warning: " + w);
        if (d.error() != null) out.println("error:   " + d.error());
        out.println();
        out.println(d.text());
        for (int i = 0; i < d.tables().size(); i++) {
            out.println();
            out.println("--- table " + (i + 1) + " ---");
            out.print(TableAssembler.asText(d.tables().get(i)));
        }
        if (!d.links().isEmpty()) {
            out.println();
            out.println("--- links ---");
            d.links().forEach(out::println);
        }
    }
}
