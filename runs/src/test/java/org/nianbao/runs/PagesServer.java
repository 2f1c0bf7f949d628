package org.nianbao.runs;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A tiny portal on 127.0.0.1 serving a mutable map of path → bytes (404 for the rest), for change
 * cases the portal simulator cannot stage (a report that comes back, a report that leaves its list).
 */
final class PagesServer implements AutoCloseable {
    private final HttpServer server;

    PagesServer(Map<String, byte[]> pages) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = pages.get(ex.getRequestURI().getPath());
            ex.getResponseHeaders().set("Content-Type", ex.getRequestURI().getPath().endsWith(".txt")
                    ? "text/plain" : "text/html; charset=utf-8");
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
