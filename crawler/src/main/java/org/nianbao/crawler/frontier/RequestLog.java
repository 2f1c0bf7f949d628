package org.nianbao.crawler.frontier;

import java.time.Instant;

/** One request as it went out, for the per-run audit trail (and the "nothing fetched twice" check). */
public record RequestLog(String url, String host, int status, long bytes, Instant started, Instant finished,
                         String error) {
}
