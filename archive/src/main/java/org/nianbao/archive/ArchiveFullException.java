package org.nianbao.archive;

/**
 * The disk is (nearly) full: nothing of the exchange was kept, every WARC file on disk is valid.
 * A crawl should stop when it sees this.
 */
public class ArchiveFullException extends ArchiveException {
    public ArchiveFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
