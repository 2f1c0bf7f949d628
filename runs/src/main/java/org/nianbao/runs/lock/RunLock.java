package org.nianbao.runs.lock;

import org.nianbao.runs.RunsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time per data directory: {@code state/run.lock} holds an OS file lock for as long as
 * the run lives, and names the holder's PID.
 *
 * <p>The OS lock is what decides: the kernel drops it when the holder dies, even by {@code kill -9},
 * so a lock file left by a killed run never blocks the next one. The PID inside only explains —
 * "held by PID 1234" when busy, "cleared stale lock of dead PID 1234" when the previous holder
 * died without releasing it.
 */
public final class RunLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunLock.class);
    public static final String FILE = "run.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Long stalePid;

    private RunLock(Path file, FileChannel channel, FileLock lock, Long stalePid) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.stalePid = stalePid;
    }

    /** The lock file of a data directory. */
    public static Path fileOf(Path dataDir) {
        return dataDir.resolve("state").resolve(FILE);
    }

    /**
     * Takes the lock of {@code dataDir} for this process.
     *
     * @throws RunLockedException when another live run holds it
     */
    public static RunLock acquire(Path dataDir) {
        Path file = fileOf(dataDir);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM (a second run started from the same process)
            }
            Optional<Holder> previous = read(channel);
            if (lock == null) {
                channel.close();
                long pid = previous.map(Holder::pid).orElse(-1L);
                throw new RunLockedException("another nianbao run is working on " + dataDir
                        + (pid > 0 ? " (PID " + pid + ", since " + previous.get().since() + ")" : "")
                        + "; wait for it to finish", pid);
            }
            Long stale = null;
            if (previous.isPresent()) {
                stale = previous.get().pid();
                boolean alive = ProcessHandle.of(stale).map(ProcessHandle::isAlive).orElse(false);
                log.warn("cleared stale run lock of {} PID {} (since {}): it stopped without releasing it",
                        alive ? "reused" : "dead", stale, previous.get().since());
            }
            String content = ProcessHandle.current().pid() + " " + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new RunLock(file, channel, lock, stale);
        } catch (IOException e) {
            try {
                if (channel != null) channel.close();
            } catch (IOException ignored) {
                // the first error is the one that matters
            }
            throw new RunsException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** PID named by a lock file a dead run left behind (cleared when this lock was taken), if any. */
    public Optional<Long> clearedStalePid() {
        return Optional.ofNullable(stalePid);
    }

    private record Holder(long pid, String since) {
    }

    private static Optional<Holder> read(FileChannel channel) throws IOException {
        if (channel.size() == 0) return Optional.empty();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 256));
        channel.read(buf, 0);
        String[] parts = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip().split("\\s+");
        try {
            return Optional.of(new Holder(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "?"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Empties the file (so the next run sees no stale holder) and releases the OS lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("cannot release {}: {}", file, e.getMessage());
        }
    }
}
