package org.nianbao.archive;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Child JVM of {@link WriterLockTest}: prints FREE or HELD for the lock file given. */
public final class LockProbe {
    public static void main(String[] args) throws Exception {
        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = c.tryLock();
            System.out.println(lock == null ? "HELD" : "FREE");
        }
    }
}
