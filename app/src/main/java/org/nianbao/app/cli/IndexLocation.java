package org.nianbao.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The common {@code --data DIR} option of the search verbs; the index lives in {@code DIR/index}. */
public final class IndexLocation {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    public Path indexDir() {
        return data.resolve("index");
    }
}
