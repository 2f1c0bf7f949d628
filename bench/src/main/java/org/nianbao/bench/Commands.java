package org.nianbao.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer's command-line tool (gzip, sha256sum, pdftotext) and times it. */
public final class Commands {

    private Commands() {
    }

    /** Whether {@code tool} is on the PATH. */
    public static boolean available(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) return true;
        }
        return false;
    }

    /**
     * Runs {@code command}, sending its standard output to {@code stdout} (or discarding it), and returns
     * the wall time from start to exit.
     */
    public static Duration time(List<String> command, Path stdout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
        return took;
    }
}
