package org.nianbao.indexer.parse;

/** A document that cannot be read as an annual report at all (no text). */
public class ReportParseException extends RuntimeException {
    public ReportParseException(String message) {
        super(message);
    }
}
