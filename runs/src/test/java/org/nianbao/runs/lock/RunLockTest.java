package org.nianbao.runs.lock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTest {

    @Test
    void secondRunOnTheSameDataDirectoryIsRefusedUntilTheFirstEnds(@TempDir Path data) {
        try (RunLock first = RunLock.acquire(data)) {
            assertThat(first.clearedStalePid()).isEmpty();
            assertThatThrownBy(() -> RunLock.acquire(data))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("PID " + ProcessHandle.current().pid())
                    .satisfies(e -> assertThat(((RunLockedException) e).holderPid()).isEqualTo(ProcessHandle.current().pid()));
        }
        try (RunLock again = RunLock.acquire(data)) {
            assertThat(again.clearedStalePid()).isEmpty();
        }
    }

    @Test
    void staleLockOfADeadProcessIsClearedAndNamed(@TempDir Path data) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Files.createDirectories(data.resolve("state"));
        Files.writeString(RunLock.fileOf(data), dead + " 2026-01-05T03:00:00Z\n");
        try (RunLock lock = RunLock.acquire(data)) {
            assertThat(lock.clearedStalePid()).contains(dead);
            assertThat(Files.readString(RunLock.fileOf(data))).startsWith(ProcessHandle.current().pid() + " ");
        }
        assertThat(Files.readString(RunLock.fileOf(data))).isEmpty();
    }

    @Test
    void locksOfDifferentDataDirectoriesDoNotInterfere(@TempDir Path dir) {
        try (RunLock a = RunLock.acquire(dir.resolve("a")); RunLock b = RunLock.acquire(dir.resolve("b"))) {
            assertThat(a.clearedStalePid()).isEmpty();
            assertThat(b.clearedStalePid()).isEmpty();
        }
    }
}
