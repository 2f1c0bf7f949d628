package org.nianbao.archive;

import java.io.IOException;

/** Something the archive cannot do, with a message meant for people (one line). */
public class ArchiveException extends IOException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
