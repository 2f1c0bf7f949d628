package org.nianbao.runs.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on a {@link Schedule} inside a long-lived process (the web server). One task at a time:
 * the next time is computed when a run ends, so a run longer than the interval skips the times it
 * overlapped instead of piling up. A failing run is logged; the schedule goes on.
 */
public final class RunScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunScheduler.class);

    private final Schedule schedule;
    private final Runnable task;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile ScheduledFuture<?> pending;
    private volatile ZonedDateTime nextAt;
    private volatile boolean closed;

    public RunScheduler(Schedule schedule, Runnable task, Clock clock) {
        this.schedule = schedule;
        this.task = task;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nianbao-scheduled-run");
            t.setDaemon(true);
            return t;
        });
    }

    /** Plans the first run; returns when it will be. */
    public Optional<ZonedDateTime> start() {
        planNext();
        return Optional.ofNullable(nextAt);
    }

    /** When the next run is planned, if any. */
    public Optional<ZonedDateTime> nextRun() {
        return Optional.ofNullable(nextAt);
    }

    private synchronized void planNext() {
        if (closed) return;
        ZonedDateTime now = ZonedDateTime.now(clock);
        // The executor's timer and the clock may disagree by a millisecond: never plan the same time twice.
        ZonedDateTime from = nextAt != null && nextAt.isAfter(now) ? nextAt : now;
        Optional<ZonedDateTime> next = schedule.next(from);
        if (next.isEmpty()) {
            log.warn("schedule {} has no next time; no more runs", schedule);
            nextAt = null;
            return;
        }
        nextAt = next.get();
        long ms = Math.max(0, Duration.between(now, nextAt).toMillis());
        log.info("next scheduled run at {} ({})", nextAt, schedule);
        pending = executor.schedule(this::fire, ms, TimeUnit.MILLISECONDS);
    }

    private void fire() {
        try {
            log.info("scheduled run starting ({})", schedule);
            task.run();
        } catch (RuntimeException e) {
            log.error("scheduled run failed: {}", e.getMessage(), e);
        } finally {
            planNext();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) pending.cancel(false);
        executor.shutdownNow();
    }
}
