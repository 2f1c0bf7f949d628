package org.nianbao.sim;

/** The farm could not start or serve (port taken, corpus missing, …). */
public class SimException extends RuntimeException {
    public SimException(String message, Throwable cause) {
        super(message, cause);
    }
}
