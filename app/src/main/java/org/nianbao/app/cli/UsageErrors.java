package org.nianbao.app.cli;

import org.nianbao.indexer.search.QueryParseException;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** A malformed query, facet or sort is bad usage: one line on stderr and exit code 2. */
final class UsageErrors {

    static final int BAD_USAGE = 2;

    private UsageErrors() {
    }

    static int guard(CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (QueryParseException e) {
            spec.commandLine().getErr().println("nianbao " + spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return BAD_USAGE;
        }
    }
}
