package org.nianbao.crawler.frontier;

/** The crawl state database could not be read or written. */
public final class FrontierException extends RuntimeException {
    public FrontierException(String message, Throwable cause) {
        super(message, cause);
    }
}
