package org.nianbao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a result was measured on, recorded with every result so figures from different
 * machines are never compared by accident.
 *
 * @param cores     processors available to the JVM
 * @param cpu       CPU model from /proc/cpuinfo, or "unknown"
 * @param memoryMb  total memory from /proc/meminfo, or 0 when unknown
 * @param jdk       java.vm.name and java.runtime.version
 * @param os        os.name, os.version, os.arch
 * @param loadAverage the 1-minute load average when the run started (other processes count too)
 */
public record Machine(int cores, String cpu, long memoryMb, String jdk, String os, double loadAverage) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryMb(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    public String describe() {
        return "%d cores (%s), %d MB RAM, %s, %s, load average %.1f at start"
                .formatted(cores, cpu, memoryMb, jdk, os, loadAverage);
    }

    private static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
        }
        return "unknown";
    }

    private static long totalMemoryMb() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return 0;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }
}
