package org.nianbao.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress of a long archive operation: one rewritten line on a terminal, log lines otherwise. */
final class ArchiveProgress implements Consumer<String>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArchiveProgress.class);
    private final PrintWriter err;
    private final boolean terminal;
    private int width;

    ArchiveProgress(PrintWriter err) {
        this.err = err;
        this.terminal = isTerminal();
    }

    /** Java 22+ has Console.isTerminal() (console() is no longer null when redirected); 21 has not. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void accept(String message) {
        if (terminal) {
            String line = message.length() > 110 ? message.substring(0, 110) + "…" : message;
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            err.flush();
            width = line.length();
        } else {
            log.info(message);
        }
    }

    @Override
    public synchronized void close() {
        if (terminal && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
