package org.nianbao.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * crawler4j in its own JVM, as the crawl bench runs nianbao's crawler ({@code nianbao crawl}):
 * {@code Crawler4jMain STORAGE_DIR DELAY_MS SEED_URL...}. Crawls until its queue is empty or the process is stopped.
 */
public final class Crawler4jMain {

    private Crawler4jMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Crawler4jMain STORAGE_DIR DELAY_MS SEED_URL...");
            System.exit(2);
        }
        List<URI> seeds = Arrays.stream(args, 2, args.length).map(URI::create).toList();
        try (Crawler4jPeer peer = new Crawler4jPeer(Path.of(args[0]), seeds, Duration.ofMillis(Long.parseLong(args[1])))) {
            peer.start();
            while (!peer.finished()) Thread.sleep(200);
        }
    }
}
