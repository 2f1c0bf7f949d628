package org.nianbao.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessMemoryTest {

    @Test
    void readsVmHwmInBytes(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100000 kB\n");
        assertThat(ProcessMemory.peakRss(status)).hasValue(123456L * 1024);
    }

    @Test
    void missingProcessHasNoFigure() {
        assertThat(ProcessMemory.peakRss(Path.of("/proc/does-not-exist/status"))).isEmpty();
    }

    @Test
    void ownPeakIsAtLeastTheCurrentHeapInUse() {
        if (!Files.exists(Path.of("/proc/self/status"))) return; // only Linux has /proc; elsewhere there is nothing to read
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(ProcessMemory.peakRss(ProcessHandle.current().pid()).orElse(0)).isGreaterThan(used / 2);
    }
}
