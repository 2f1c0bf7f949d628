package org.nianbao.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may write a data folder: the holder of the OS lock on {@code state/archive.lock}.
 *
 * <p>That lock belongs to the whole process (POSIX record locks), and closing <em>any</em> channel on
 * the file drops it — so a second archive instance in the same JVM that merely tried the lock would
 * silently release the first one's. This registry is therefore process-wide (the one piece of static
 * state in the module, mirroring state the OS keeps per process): one channel per lock file, lent to
 * one archive instance at a time.
 */
final class WriterLocks {
    private record Holder(FileChannel channel, FileLock lock, Object owner) {
    }

    private static final Map<Path, Holder> HELD = new HashMap<>();

    private WriterLocks() {
    }

    /** Whether {@code owner} holds the lock now (taking it if it is free). */
    static boolean tryAcquire(Path lockFile, Object owner) throws IOException {
        Path key = key(lockFile);
        synchronized (HELD) {
            Holder h = HELD.get(key);
            if (h != null) return h.owner() == owner;
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close(); // safe: this process holds no lock on the file
                return false;
            }
            HELD.put(key, new Holder(channel, lock, owner));
            return true;
        }
    }

    /**
     * Takes the lock, waiting up to {@code patience} while another process holds it (it may only be
     * repairing files on open); gives up at once when another instance in this JVM holds it.
     */
    static boolean acquire(Path lockFile, Object owner, Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (tryAcquire(lockFile, owner)) return true;
            if (heldInThisProcess(lockFile) || System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static boolean holds(Path lockFile, Object owner) throws IOException {
        synchronized (HELD) {
            Holder h = HELD.get(key(lockFile));
            return h != null && h.owner() == owner;
        }
    }

    private static boolean heldInThisProcess(Path lockFile) throws IOException {
        synchronized (HELD) {
            return HELD.containsKey(key(lockFile));
        }
    }

    static void release(Path lockFile, Object owner) throws IOException {
        synchronized (HELD) {
            Path key = key(lockFile);
            Holder h = HELD.get(key);
            if (h == null || h.owner() != owner) return;
            HELD.remove(key);
            try {
                h.lock().release();
            } finally {
                h.channel().close();
            }
        }
    }

    private static Path key(Path lockFile) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        if (!Files.exists(lockFile)) {
            try {
                Files.createFile(lockFile);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another opener made it first
            }
        }
        return lockFile.toRealPath();
    }
}
