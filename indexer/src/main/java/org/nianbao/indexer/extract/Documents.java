package org.nianbao.indexer.extract;

import java.util.ArrayList;
import java.util.List;

/** Small constructors for the common shapes of {@link ExtractedDocument}. */
public final class Documents {
    private Documents() {
    }

    public static ExtractedDocument failed(Format format, String error, List<String> warnings) {
        return new ExtractedDocument(format.id(), null, "", List.of(), 0, "none", warnings, error, List.of());
    }

    public static ExtractedDocument withWarnings(ExtractedDocument d, List<String> more) {
        if (more.isEmpty()) return d;
        List<String> w = new ArrayList<>(d.warnings());
        w.addAll(more);
        return new ExtractedDocument(d.format(), d.title(), d.text(), d.tables(), d.pages(), d.method(), w, d.error(), d.links());
    }

    public static ExtractedDocument withError(ExtractedDocument d, String error) {
        String e = d.error() == null ? error : d.error() + "; " + error;
        return new ExtractedDocument(d.format(), d.title(), d.text(), d.tables(), d.pages(), d.method(), d.warnings(), e, d.links());
    }
}
