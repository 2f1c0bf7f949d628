package org.nianbao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    private final Machine machine = new Machine(2, "Test CPU", 4096, "OpenJDK 21", "Linux", 1.5);
    private final BenchReport report = new BenchReport(machine, "quick", Instant.parse("2026-01-02T03:04:05Z"), Duration.ofSeconds(42),
            List.of(new Figure("archive write", "MB/s", Samples.of(50, 60, 55), "gzip -6", Samples.of(25, 25, 25), "48 MB"),
                    Figure.alone("parse", "reports/s per core", Samples.of(300), "a|b")));

    @Test
    void tableHasOneRowPerFigureWithPeerAndRatio() {
        String md = report.markdown();
        assertThat(md).contains("2 cores (Test CPU)", "OpenJDK 21", "quick");
        assertThat(md).contains("| archive write | MB/s | 55.0 ±9% (n=3) | gzip -6: 25.0 ±0% (n=3) | 2.20× | 48 MB |");
        assertThat(md).contains("| parse | reports/s per core | 300 (n=1) | — | — | a\\|b |");
    }

    @Test
    void jsonKeepsEveryMeasurementAndTheMachine(@TempDir Path dir) throws Exception {
        Path file = report.write(dir);
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertThat(root.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(root.path("figures")).hasSize(2);
        JsonNode archive = root.path("figures").get(0);
        assertThat(archive.path("nianbao").path("values")).hasSize(3);
        assertThat(archive.path("nianbao").path("median").asDouble()).isEqualTo(55);
        assertThat(archive.path("ratio").asDouble()).isEqualTo(2.2);
        assertThat(root.path("figures").get(1).has("ratio")).isFalse();
        assertThat(dir.resolve("bench-latest.md")).content().isEqualTo(report.markdown());
    }
}
