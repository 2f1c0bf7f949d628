package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.parse.ReportParser;
import org.nianbao.indexer.pipeline.IndexPipeline;
import org.nianbao.indexer.pipeline.IndexSummary;
import org.nianbao.seeds.gazetteer.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** `nianbao index`: reads new captures from the archive, extracts, parses and indexes the reports. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Extract, parse and index the archived captures (only those new since the last run).")
public final class IndexCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--rebuild", description = "Index every capture again, from an empty index.")
    boolean rebuild;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IndexSummary summary = index(data, rebuild);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
        } else {
            out.printf("captures seen: %d, reports indexed: %d, failed checks: %d, errors: %d%n",
                    summary.capturesSeen(), summary.reportsIndexed(), summary.failedChecks(), summary.errors().size());
            for (Map.Entry<String, Long> e : summary.skipped().entrySet()) {
                out.printf("skipped %d: %s%n", e.getValue(), e.getKey());
            }
            summary.errors().forEach(e -> out.println("error: " + e));
        }
        out.flush();
        return 0;
    }

    /** Runs the pipeline on one data folder; shared by `index`, `demo` and `run`. */
    public static IndexSummary index(Path data, boolean rebuild) throws Exception {
        try (WarcArchive archive = WarcArchive.open(data);
             ReportIndex index = ReportIndex.open(data.resolve("index"), rebuild)) {
            IndexPipeline pipeline = new IndexPipeline(archive, Extractors.defaults(), new ReportParser(Gazetteer.load()), index);
            Progress[] progress = new Progress[1];
            IndexSummary summary = pipeline.run(new IndexPipeline.Listener() {
                @Override
                public void started(int captures) {
                    progress[0] = new Progress("index: captures", captures);
                }

                @Override
                public void captureDone(Capture capture) {
                    progress[0].step(capture.url());
                }
            });
            progress[0].finish();
            return summary;
        }
    }
}
