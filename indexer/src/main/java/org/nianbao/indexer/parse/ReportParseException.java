package org.nianbao.indexer.parse;

/** A file that cannot be read as a report at all: its extraction failed and left no text. */
public class ReportParseException extends RuntimeException {
    public ReportParseException(String message) {
        super(message);
    }
}
