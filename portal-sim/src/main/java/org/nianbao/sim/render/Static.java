package org.nianbao.sim.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Static files some CMS pages load (read once from the classpath). */
final class Static {
    static final byte[] JPAGE = read("jquery.page.min.js");

    private Static() {}

    private static byte[] read(String name) {
        try (InputStream in = Static.class.getResourceAsStream("/org/nianbao/sim/static/" + name)) {
            if (in == null) throw new IllegalStateException("missing static file " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
