package org.nianbao.indexer.extract;

import java.util.Locale;

/** The document formats extraction knows; {@link #id()} is the value of {@link ExtractedDocument#format()}. */
public enum Format {
    HTML, PDF, DOCX, DOC, WPS, OFD, TEXT, IMAGE, UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
