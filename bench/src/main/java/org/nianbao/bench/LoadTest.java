package org.nianbao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: {@code clients} threads each send one request, wait for the whole
 * answer, and send the next, until the time is up. Any status other than 200, or any I/O failure,
 * is an error.
 */
public final class LoadTest {

    /**
     * @param requests   answers received
     * @param errors     non-200 answers and failed requests
     * @param seconds    wall time of the test
     * @param latencyMs  every request's latency, milliseconds
     * @param bytes      body bytes received
     * @param firstError the first error, for the log, or null
     * @param latencyByKind the latencies again, split by the kind of request (path up to its last '/' or '?')
     */
    public record Result(long requests, long errors, double seconds, long[] latencyNanos, long bytes, String firstError,
                         java.util.Map<String, long[]> latencyByKind) {
        public double throughput() {
            return requests / seconds;
        }

        public double percentileMs(double p) {
            return latencyNanos.length == 0 ? 0 : IndexSearchBench.percentile(latencyNanos, p) / 1e6;
        }

        public double percentileMs(String kind, double p) {
            long[] l = latencyByKind.getOrDefault(kind, new long[0]);
            return l.length == 0 ? 0 : IndexSearchBench.percentile(l, p) / 1e6;
        }
    }

    private LoadTest() {
    }

    /** "/api/reports/ABC" → "/api/reports/", "/api/search?q=x" → "/api/search". */
    static String kind(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        return q < 0 ? p.substring(0, p.lastIndexOf('/') + 1) : p;
    }

    /** Runs the test; {@code paths} gives the path-and-query of a client's i-th request. */
    public static Result run(URI base, int clients, Duration duration, IntFunction<String> paths) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        List<long[]> perClient = new ArrayList<>();
        List<String[]> kindsPerClient = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[1 << 18];
            String[] kinds = new String[lat.length];
            int[] count = new int[1];
            perClient.add(lat);
            kindsPerClient.add(kinds);
            counts.add(count);
            int client = c;
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                int i = client * 7919;
                while (System.nanoTime() < end && count[0] < lat.length) {
                    String path = paths.apply(i++);
                    HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
                    long s = System.nanoTime();
                    kinds[count[0]] = kind(path);
                    try {
                        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        lat[count[0]++] = System.nanoTime() - s;
                        bytes.addAndGet(resp.body().length);
                        if (resp.statusCode() != 200) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, resp.statusCode() + " for " + path);
                        }
                    } catch (java.io.IOException e) {
                        lat[count[0]++] = System.nanoTime() - s;
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e + " for " + path);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        java.util.Map<String, List<Long>> byKind = new java.util.TreeMap<>();
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts.get(c)[0]);
            for (int i = 0; i < counts.get(c)[0]; i++) {
                byKind.computeIfAbsent(kindsPerClient.get(c)[i], k -> new ArrayList<>()).add(perClient.get(c)[i]);
            }
            at += counts.get(c)[0];
        }
        http.close();
        java.util.Map<String, long[]> kindArrays = new java.util.TreeMap<>();
        byKind.forEach((k, v) -> kindArrays.put(k, v.stream().mapToLong(Long::longValue).toArray()));
        return new Result(total, errors.get(), seconds, all, bytes.get(), firstError.get(), kindArrays);
    }
}
