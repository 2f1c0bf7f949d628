package org.nianbao.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a long command: a redrawn line (items, rate, ETA) on a terminal, a plain log line
 * every few seconds otherwise, so cron mails and CI logs stay readable.
 */
public final class Progress {
    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long DRAW_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private final String what;
    private final long total;
    private final boolean terminal;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long done;
    private long lastShown;

    public Progress(String what, long total) {
        this(what, total, System.console() != null, System.err);
    }

    Progress(String what, long total, boolean terminal, PrintStream err) {
        this.what = what;
        this.total = total;
        this.terminal = terminal;
        this.err = err;
    }

    /** One more item done; {@code detail} says which (shown on a terminal only). */
    public void step(String detail) {
        done++;
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? DRAW_EVERY_NANOS : LOG_EVERY_NANOS) && done < total) return;
        lastShown = now;
        if (terminal) {
            String line = line(now) + "  " + shorten(detail, 50);
            err.print("\r\033[K" + line);
            err.flush();
        } else {
            log.info("{}", line(now));
        }
    }

    /** Ends the redrawn line. */
    public void finish() {
        if (terminal && done > 0) {
            err.print("\r\033[K" + line(System.nanoTime()) + System.lineSeparator());
            err.flush();
        }
    }

    String line(long now) {
        double secs = Math.max(1e-3, (now - start) / 1e9);
        double rate = done / secs;
        StringBuilder sb = new StringBuilder(what).append(' ').append(done);
        if (total > 0) sb.append('/').append(total);
        sb.append(String.format("  %.1f/s", rate));
        if (total > 0 && rate > 0 && done < total) sb.append("  ETA ").append(formatSeconds((long) ((total - done) / rate)));
        return sb.toString();
    }

    static String formatSeconds(long s) {
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static String shorten(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }
}
