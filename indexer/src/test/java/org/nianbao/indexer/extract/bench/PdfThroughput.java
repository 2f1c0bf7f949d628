package org.nianbao.indexer.extract.bench;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): pages per second on one thread for PDF text + tables over the given files.
 * Reports wall time and this thread's CPU time, since the machine may be shared. Run by
 * {@code indexer/bench/pdf-throughput.sh}, which times {@code pdftotext -layout} on the same files.
 */
public final class PdfThroughput {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(System.getProperty("rounds", "5"));
        List<byte[]> files = new ArrayList<>();
        for (String a : args) files.add(Files.readAllBytes(Path.of(a)));
        Extractors extractors = Extractors.defaults();
        for (int warm = 0; warm < 2; warm++) for (byte[] f : files) extractors.extract(f, "application/pdf", "x.pdf");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long pages = 0, tables = 0;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long proc0 = os.getProcessCpuTime();
        long cpu0 = mx.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (byte[] f : files) {
                ExtractedDocument d = extractors.extract(f, "application/pdf", "x.pdf");
                if (d.error() != null) throw new IllegalStateException(d.error());
                pages += d.pages();
                tables += d.tables().size();
            }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9, wall = (System.nanoTime() - wall0) / 1e9;
        double proc = (os.getProcessCpuTime() - proc0) / 1e9; // with JIT and GC threads
        System.out.printf("nianbao pdf text+tables: %d pages (%d tables) in %.2f s CPU (%.2f s process CPU), %.2f s wall:"
                        + " %.1f pages/s per core (thread CPU), %.1f (process CPU), %.1f pages/s wall%n",
                pages, tables, cpu, proc, wall, pages / cpu, pages / proc, pages / wall);
    }
}
