package org.nianbao.app.web;

/** Nothing at this address (no such report, no such capture); becomes a 404 with this message. */
final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
