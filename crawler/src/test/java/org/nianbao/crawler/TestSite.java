package org.nianbao.crawler;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A tiny real web site on 127.0.0.1 whose pages a test defines by path, with a log of requests. */
final class TestSite implements AutoCloseable {

    record Hit(String path, Instant at, RecordedRequest request) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> pages = new ConcurrentHashMap<>();
    private final List<Hit> hits = new ArrayList<>();

    TestSite() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String target = r.getTarget();
                synchronized (hits) {
                    hits.add(new Hit(target, Instant.now(), r));
                }
                Function<RecordedRequest, MockResponse> page = pages.get(target);
                return page == null ? new MockResponse.Builder().code(404).body("not found").build() : page.apply(r);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    int port() {
        return server.getPort();
    }

    TestSite page(String path, Function<RecordedRequest, MockResponse> response) {
        pages.put(path, response);
        return this;
    }

    TestSite html(String path, String html) {
        return page(path, r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                .body(html).build());
    }

    TestSite remove(String path) {
        pages.remove(path);
        return this;
    }

    List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    List<String> paths() {
        return hits().stream().map(Hit::path).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
