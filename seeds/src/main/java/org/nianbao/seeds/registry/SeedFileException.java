package org.nianbao.seeds.registry;

/** A seed file that cannot be read or is not a seed file at all (not JSON, no "units" array). */
public final class SeedFileException extends RuntimeException {
    public SeedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
