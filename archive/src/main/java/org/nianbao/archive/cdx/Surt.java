package org.nianbao.archive.cdx;

import org.netpreserve.jwarc.URIs;

/** The SURT form of a URL (e.g. {@code cn,gov,beijing)/zwgk}), the sort key of CDXJ lines. */
public final class Surt {
    private Surt() {
    }

    public static String of(String url) {
        try {
            return URIs.toNormalizedSurt(url);
        } catch (RuntimeException e) {
            return url; // an unparsable URL still gets a stable key
        }
    }
}
