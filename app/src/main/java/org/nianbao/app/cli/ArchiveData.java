package org.nianbao.app.cli;

import org.nianbao.archive.ArchiveException;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.WarcArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the archive of an existing data folder for the archive verbs. */
final class ArchiveData {
    private ArchiveData() {
    }

    static WarcArchive open(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new ArchiveException("no data folder at " + dataDir.toAbsolutePath() + " (use --data DIR)");
        }
        return WarcArchive.open(dataDir, ArchiveOptions.defaults(), Clock.systemUTC());
    }
}
