package org.nianbao.sim.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A government whose portal the farm simulates; the first five published the corpus reports. */
public record Region(String pinyin, String name, String province, String city, String level, String corpusStem) {

    /** The regions in farm order (host i gets region i). */
    public static List<Region> all() {
        try (InputStream in = Region.class.getResourceAsStream("/org/nianbao/sim/regions.tsv")) {
            if (in == null) throw new IllegalStateException("regions.tsv missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new Region(f[0], f[1], f[2], f[3], f[4], f[5].equals("-") ? null : f[5]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String hostName() {
        return "www.sim-" + pinyin + ".gov.cn";
    }

    /** 吴忠市人民政府 */
    public String governmentName() {
        return name + "人民政府";
    }
}
