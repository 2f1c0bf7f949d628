package org.nianbao.runs;

/** A run could not be started, recorded or finished; the message is one line for people. */
public class RunsException extends RuntimeException {
    public RunsException(String message, Throwable cause) {
        super(message, cause);
    }

    public RunsException(String message) {
        super(message);
    }
}
