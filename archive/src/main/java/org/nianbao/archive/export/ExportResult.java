package org.nianbao.archive.export;

import org.nianbao.archive.Capture;

import java.nio.file.Path;

/** The exported payload file, its sidecar JSON, and the capture they came from. */
public record ExportResult(Path payload, Path sidecar, Capture capture) {
}
