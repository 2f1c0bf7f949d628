package org.nianbao.indexer.extract;

/** A document that cannot be read, with a one-line reason for people (e.g. "encrypted", "zip bomb"). */
public class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
