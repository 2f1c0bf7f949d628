package org.nianbao.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a nianbao verb in its own JVM (same java, same class path, the launcher's flags), so its peak RSS
 * is its own and not the bench's.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(List<String> nianbaoArgs, Path stdout, Path stderr) throws IOException {
        return startMain("org.nianbao.app.Main", nianbaoArgs, stdout, stderr);
    }

    /** Runs {@code mainClass} of the bench's class path in its own JVM. */
    public static Process startMain(String mainClass, List<String> args, Path stdout, Path stderr) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** Stops a child politely (SIGTERM runs its shutdown hooks), forcibly after 20 s. */
    public static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }
}
