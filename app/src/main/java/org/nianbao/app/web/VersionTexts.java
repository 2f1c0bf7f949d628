package org.nianbao.app.web;

import org.nianbao.archive.Capture;
import org.nianbao.indexer.extract.DocumentExtractor;
import org.nianbao.indexer.extract.ExtractedDocument;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of one archived version, extracted on demand by the indexer's extractors (the index keeps only the
 * current text). A few recent versions are kept by SHA-256, so a diff page read twice extracts once.
 */
final class VersionTexts {

    private static final int CACHED = 32;

    private final ArchiveReader archive;
    private final DocumentExtractor extractor;
    private final Map<String, String> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED;
        }
    };

    VersionTexts(ArchiveReader archive, DocumentExtractor extractor) {
        this.archive = archive;
        this.extractor = extractor;
    }

    String text(Capture c) throws IOException {
        synchronized (cache) {
            String known = cache.get(c.sha256());
            if (known != null) return known;
        }
        ExtractedDocument doc;
        try (InputStream in = archive.openDocument(c)) {
            doc = extractor.extract(in, c.contentType(), c.url());
        }
        String text = doc.text() == null ? "" : doc.text();
        synchronized (cache) {
            cache.put(c.sha256(), text);
        }
        return text;
    }
}
