package org.nianbao.crawler;

/** A crawl could not run at all (state unreadable, archive failing); single URLs failing never throw. */
public final class CrawlException extends RuntimeException {
    public CrawlException(String message, Throwable cause) {
        super(message, cause);
    }
}
