package org.nianbao.sim.corpus;

import java.util.Map;

/**
 * One corpus report: its renderings (bytes, read once) and the facts from its truth file the farm
 * needs to rewrite variants.
 */
public record CorpusReport(String stem, String title, String agency, int year, String city, String county, String portalUrl,
                           String siteName, Map<String, byte[]> files) {

    public byte[] file(String name) {
        byte[] b = files.get(name);
        if (b == null) throw new IllegalStateException("corpus " + stem + " has no " + name);
        return b;
    }
}
