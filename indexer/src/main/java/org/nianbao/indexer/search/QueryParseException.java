package org.nianbao.indexer.search;

/** A query (or facet / sort option) that cannot be understood; the message says what is wrong, in one line. */
public class QueryParseException extends RuntimeException {
    public QueryParseException(String message) {
        super(message);
    }

    public QueryParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
