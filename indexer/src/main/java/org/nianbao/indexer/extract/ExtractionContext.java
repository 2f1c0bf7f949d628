package org.nianbao.indexer.extract;

/** What every format extractor gets besides the bytes: the caps, the running budget, and the hints. */
public record ExtractionContext(ExtractionLimits limits, Budget budget, String contentTypeHint, String nameHint) {
}
