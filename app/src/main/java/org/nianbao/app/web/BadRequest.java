package org.nianbao.app.web;

import org.nianbao.indexer.search.QueryParseException;

/** A request parameter nianbao cannot use; becomes a 400 with this one-line message. */
final class BadRequest extends QueryParseException {
    BadRequest(String message) {
        super(message);
    }
}
