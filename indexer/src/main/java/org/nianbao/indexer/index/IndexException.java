package org.nianbao.indexer.index;

/** The index could not be opened, written or read; the message is one line for people. */
public class IndexException extends RuntimeException {
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
