package org.nianbao.app.cli;

import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.cdx.Reindexer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nianbao archive …}: maintenance of the WARC archive. */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Maintain the WARC archive.",
        subcommands = {ArchiveCommand.Reindex.class})
public final class ArchiveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: nianbao archive reindex)");
    }

    /** {@code nianbao archive reindex}: rebuild the capture table and the CDXJ index from the WARC files. */
    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Rebuild the capture table and the CDXJ index from the WARC files (known capture ids are kept).")
    public static final class Reindex implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "data", description = "data folder (default: ${DEFAULT-VALUE})")
        Path data;

        @Override
        public Integer call() throws Exception {
            Reindexer.Result r;
            try (WarcArchive archive = ArchiveData.open(data);
                 ArchiveProgress progress = new ArchiveProgress(spec.commandLine().getErr())) {
                r = archive.reindex(progress);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("reindexed %d WARC files: %d records, %d captures (%d added, %d moved, %d removed), %d CDXJ lines%n",
                    r.files(), r.records(), r.captures(), r.added(), r.moved(), r.removed(), r.cdxLines());
            out.flush();
            return 0;
        }
    }
}
