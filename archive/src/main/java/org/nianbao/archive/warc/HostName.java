package org.nianbao.archive.warc;

import java.net.InetAddress;

/** This machine's name, for warcinfo and file names (no DNS lookups that could hang). */
final class HostName {
    private HostName() {
    }

    static String get() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "localhost";
            }
        }
        return name.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
