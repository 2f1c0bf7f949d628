package org.nianbao.sim.http;

import java.util.Map;

/**
 * The parts of an HTTP request the farm routes on. {@code path} has session ids removed;
 * {@code params} holds query and form parameters.
 */
public record SimRequest(String host, String method, String path, String rawTarget, Map<String, String> params,
                         Map<String, String> headers) {

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
