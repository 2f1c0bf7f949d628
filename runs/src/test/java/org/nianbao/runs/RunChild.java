package org.nianbao.runs;

import org.nianbao.archive.Capture;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.indexer.pipeline.IndexPipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run in its own JVM, for tests that kill it: args = data dir, delay in ms, then seed URLs.
 * With {@code --hold-indexing-after=N} among the seeds it writes {@code <data>/../indexing-<name>} once N
 * captures are indexed and then holds the indexing step (uncommitted) until the test kills it, so
 * the kill lands in the indexing step every time.
 */
public final class RunChild {
    private static final String HOLD = "--hold-indexing-after=";

    private RunChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        CrawlConfig config = CrawlConfig.defaults(data.resolve("state")).withDelay(Duration.ofMillis(Long.parseLong(args[1])))
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
        List<Seed> seeds = new ArrayList<>();
        int holdAfter = -1;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith(HOLD)) holdAfter = Integer.parseInt(args[i].substring(HOLD.length()));
            else seeds.add(Seed.of(URI.create(args[i])));
        }
        WeeklyRun run = new WeeklyRun(data, config, Clock.systemUTC());
        if (holdAfter >= 0) run.onIndexProgress(new HoldIndexing(indexingMarker(data), holdAfter));
        run.run(seeds);
    }

    /** The file a child holding its indexing step writes: "started N" when indexing starts, "held N" when holding. */
    public static Path indexingMarker(Path data) {
        return data.toAbsolutePath().getParent().resolve("indexing-" + data.getFileName());
    }

    private static final class HoldIndexing implements IndexPipeline.Listener {
        private final Path marker;
        private final int after;
        private int done;

        HoldIndexing(Path marker, int after) {
            this.marker = marker;
            this.after = after;
        }

        @Override
        public void started(int captures) {
            write("started " + captures);
        }

        @Override
        public void captureDone(Capture capture) {
            if (++done < after) return;
            write("held " + done);
            try {
                Thread.sleep(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void write(String s) {
            try {
                Files.writeString(marker, s + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
