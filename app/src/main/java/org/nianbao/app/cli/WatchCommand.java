package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.nianbao.indexer.search.QueryParseException;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.runs.RunsJson;
import org.nianbao.runs.feed.Feeds;
import org.nianbao.runs.record.RunsDatabase;
import org.nianbao.runs.watch.Watch;
import org.nianbao.runs.watch.Watches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nianbao watch add|list|remove}: saved searches whose new matches each run records (and feeds as Atom). */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Saved searches: after each run their new matches are recorded, and fed at /feeds/watch/NAME.atom.",
        subcommands = {WatchCommand.Add.class, WatchCommand.ListWatches.class, WatchCommand.Remove.class})
public final class WatchCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return UsageErrors.BAD_USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a search (query language as in `nianbao search`).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        WatchCommand parent;

        @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. '行政诉讼 AND year:2023'.")
        String query;

        @Option(names = "--name", required = true, paramLabel = "N", description = "Name of the saved search (letters, digits, _ . -).")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path index = parent.data.resolve("index");
            try (RunsDatabase db = RunsDatabase.open(parent.data); ReportSearcher searcher = hasIndex(index) ? ReportSearcher.open(index) : null) {
                Watch w = new Watches(db).add(name, query, Clock.systemUTC().instant(), searcher);
                spec.commandLine().getOut().printf("saved watch %s: %s (feed: /feeds/watch/%s.atom)%n", w.name(), w.query(), w.name());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IllegalArgumentException | QueryParseException e) {
                spec.commandLine().getErr().println("nianbao watch add: " + e.getMessage());
                return UsageErrors.BAD_USAGE;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List saved searches and their latest new matches.")
    static final class ListWatches implements Callable<Integer> {
        @ParentCommand
        WatchCommand parent;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<Map<String, Object>> all = new ArrayList<>();
            try (RunsDatabase db = RunsDatabase.open(parent.data)) {
                Watches watches = new Watches(db);
                for (Watch w : watches.list()) {
                    var hits = watches.hits(w.name(), Feeds.LIMIT);
                    all.add(RunsJson.watch(w, hits));
                    if (!json) out.printf("%s\t%s\t%d new matches\t/feeds/watch/%s.atom%n", w.name(), w.query(), hits.size(), w.name());
                }
            }
            if (json) out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
            else if (all.isEmpty()) out.println("no saved searches");
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete a saved search and its recorded matches.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        WatchCommand parent;

        @Parameters(index = "0", paramLabel = "N", description = "Name of the saved search.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (RunsDatabase db = RunsDatabase.open(parent.data)) {
                if (!new Watches(db).remove(name)) {
                    spec.commandLine().getErr().println("nianbao watch remove: no watch named '" + name + "'");
                    return 1;
                }
            }
            spec.commandLine().getOut().println("removed watch " + name);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    static boolean hasIndex(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (FSDirectory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d);
        }
    }
}
