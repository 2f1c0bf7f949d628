package org.nianbao.sim.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one Jetty handler of the farm: routes by Host header, answers, and measures. The request's
 * end is taken after its last byte was written, so gaps and in-flight counts are what a client caused.
 */
public final class FarmHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(FarmHandler.class);

    /** What the handler needs from the farm. */
    public interface Farm {
        /** Admin endpoints under /__sim/; never measured. */
        Reply admin(SimRequest req);

        /** The measured answer for a farm host, or null when the host is not in the farm. */
        Exchange open(SimRequest req, Instant start);

        void outside(String host);

        void finished(Exchange ex, Instant end, int status, long bytes);
    }

    /** One measured request in progress. */
    public record Exchange(Reply reply, Object token) {}

    private final Farm farm;
    private final Clock clock;

    public FarmHandler(Farm farm, Clock clock) {
        this.farm = farm;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Instant start = clock.instant();
        SimRequest req = simRequest(request);
        Exchange ex = null;
        int status = 500;
        long[] written = {0};
        Instant[] end = {null};
        try {
            Reply reply;
            if (req.path().startsWith("/__sim/")) {
                reply = farm.admin(req);
            } else {
                ex = farm.open(req, start);
                if (ex == null) {
                    farm.outside(req.host());
                    reply = Reply.text(404, "站点不存在: " + req.host() + "\n", start);
                } else {
                    reply = ex.reply();
                }
            }
            if (reply.delayMillis() > 0) Thread.sleep(reply.delayMillis());
            status = write(req, reply, response, written, end);
            if (ex != null) farm.finished(ex, end[0] != null ? end[0] : clock.instant(), status, written[0]);
            callback.succeeded();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            log.debug("request {} {}{} failed after {} bytes: {}", req.method(), req.host(), req.rawTarget(), written[0], e.toString());
            if (ex != null) farm.finished(ex, clock.instant(), status, written[0]);
            callback.failed(e);
        }
        return true;
    }

    /**
     * Writes the answer. {@code end[0]} is set just before the last byte goes out: the client cannot
     * have the whole response earlier, so a gap measured from it is never longer than the client's own.
     */
    private int write(SimRequest req, Reply reply, Response response, long[] written, Instant[] end) throws IOException {
        Reply r = reply;
        String etag = r.etag();
        if (etag == null && r.body() instanceof Body.Bytes b) etag = Conditional.etagOf(b.data());
        if (etag == null && r.body() instanceof Body.Trickle t) etag = Conditional.etagOf(t.data());
        boolean getOrHead = req.method().equals("GET") || req.method().equals("HEAD");
        boolean notModified = r.status() == 200 && getOrHead
                && Conditional.notModified(req.header("if-none-match"), req.header("if-modified-since"), etag, r.lastModified());
        int status = notModified ? 304 : r.status();
        response.setStatus(status);
        var h = response.getHeaders();
        h.put(HttpHeader.DATE, Conditional.httpDate(clock.instant()));
        if (etag != null) h.put(HttpHeader.ETAG, etag);
        if (r.lastModified() != null) h.put(HttpHeader.LAST_MODIFIED, Conditional.httpDate(r.lastModified()));
        r.headers().forEach(h::put);
        if (notModified) {
            end[0] = clock.instant();
            Content.Sink.write(response, true, null);
            return status;
        }
        h.put(HttpHeader.CONTENT_TYPE, r.contentType());
        h.put(HttpHeader.CONTENT_LENGTH, r.body().length());
        if (req.method().equals("HEAD") || r.body().length() == 0) {
            end[0] = clock.instant();
            Content.Sink.write(response, true, null);
            return status;
        }
        try (OutputStream out = new HoldLastByte(Content.Sink.asOutputStream(response), written, () -> end[0] = clock.instant())) {
            r.body().writeTo(out);
        }
        return status;
    }

    private static SimRequest simRequest(Request request) {
        String host = Request.getServerName(request);
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || rawPath.isEmpty()) rawPath = "/";
        String query = request.getHttpURI().getQuery();
        String rawTarget = rawPath + (query == null ? "" : "?" + query);
        // Session ids live in path parameters (;jsessionid=…); the page is the same without them.
        String path = rawPath.replaceAll(";[^/]*", "");
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            // a malformed %-escape: route the raw path, which then answers 404 like any unknown page
        }
        Map<String, String> params = new HashMap<>();
        try {
            Fields fields = request.getMethod().equals("POST") ? Request.getParameters(request) : Request.extractQueryParameters(request);
            for (Fields.Field f : fields) params.put(f.getName(), f.getValue());
        } catch (Exception e) {
            log.debug("unreadable parameters for {}: {}", rawTarget, e.toString());
        }
        Map<String, String> headers = new HashMap<>();
        for (var f : request.getHeaders()) headers.put(f.getLowerCaseName(), f.getValue());
        return new SimRequest(host, request.getMethod(), path, rawTarget, Map.copyOf(params), Map.copyOf(headers));
    }

    /**
     * Passes the body through but keeps its last byte back until close: then flushes the rest, runs
     * {@code beforeLast} (which books the request's end) and sends the last byte. Counts bytes sent,
     * so a client that hangs up mid-way is measured truthfully.
     */
    private static final class HoldLastByte extends OutputStream {
        private final OutputStream out;
        private final long[] count;
        private final Runnable beforeLast;
        private int held = -1;

        HoldLastByte(OutputStream out, long[] count, Runnable beforeLast) {
            this.out = out;
            this.count = count;
            this.beforeLast = beforeLast;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len <= 0) return;
            if (held >= 0) {
                out.write(held);
                count[0]++;
            }
            out.write(b, off, len - 1);
            count[0] += len - 1;
            held = b[off + len - 1] & 0xff;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
            beforeLast.run();
            if (held >= 0) {
                out.write(held);
                count[0]++;
            }
            out.close();
        }
    }
}
