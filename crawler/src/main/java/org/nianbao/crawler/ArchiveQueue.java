package org.nianbao.crawler;

import org.nianbao.archive.Archive;
import org.nianbao.archive.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands exchanges to the archive on one writer thread, so a durable (fsync'ing) archive does not
 * stretch the gaps between requests: host workers go on fetching while earlier answers are written.
 * A URL's frontier entry is completed only after its exchange is stored, so a kill never marks done
 * what the archive does not hold. The queue is bounded: when the archive falls far behind, workers wait.
 */
final class ArchiveQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArchiveQueue.class);

    private record Job(Exchange exchange, Runnable afterStore) {
    }

    private final Archive archive;
    private final BlockingQueue<Job> jobs;
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread writer;
    private volatile String failure;

    ArchiveQueue(Archive archive, int capacity) {
        this.archive = archive;
        this.jobs = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("nianbao-archive-writer").daemon().start(this::run);
    }

    /** Queues an exchange; {@code afterStore} runs once it is stored; its body file is deleted afterwards. */
    void submit(Exchange exchange, Runnable afterStore) {
        if (failure != null) {
            delete(exchange.responseBody());
            throw new CrawlException(failure, null);
        }
        pending.incrementAndGet();
        try {
            jobs.put(new Job(exchange, afterStore));
        } catch (InterruptedException e) {
            pending.decrementAndGet();
            Thread.currentThread().interrupt();
            throw new CrawlException("interrupted while waiting for the archive", e);
        }
    }

    /** True when everything submitted has been stored (or the archive failed). */
    boolean idle() {
        return pending.get() == 0 || failure != null;
    }

    int pending() {
        return pending.get();
    }

    /** Why the archive stopped taking exchanges, or null. */
    String failure() {
        return failure;
    }

    /** Waits until everything submitted is stored. */
    void drain() {
        while (!idle()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        while (true) {
            Job job;
            try {
                job = jobs.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job == null) continue;
            try {
                if (failure == null) {
                    archive.store(job.exchange());
                    if (job.afterStore() != null) job.afterStore().run();
                }
            } catch (IOException | RuntimeException e) {
                failure = "the archive refused " + job.exchange().url() + ": " + e.getMessage();
                log.error(failure, e);
            } finally {
                delete(job.exchange().responseBody());
                pending.decrementAndGet();
            }
        }
    }

    private static void delete(Path body) {
        if (body == null) return;
        try {
            Files.deleteIfExists(body);
        } catch (IOException e) {
            log.debug("cannot delete temp body {}", body, e);
        }
    }

    @Override
    public void close() {
        drain();
        writer.interrupt();
    }
}
