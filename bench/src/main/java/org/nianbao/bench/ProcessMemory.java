package org.nianbao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Peak resident set size (VmHWM) of a process, read from Linux's /proc. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmHWM of process {@code pid} in bytes, or empty when /proc has no such figure (not Linux, process gone). */
    public static OptionalLong peakRss(long pid) {
        return peakRss(Path.of("/proc", Long.toString(pid), "status"));
    }

    static OptionalLong peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    long kb = Long.parseLong(parts[0]);
                    return OptionalLong.of(kb * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
