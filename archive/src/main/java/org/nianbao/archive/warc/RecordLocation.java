package org.nianbao.archive.warc;

/** Where one gzip-compressed WARC record sits: file name (relative to data/warc), offset, compressed length. */
public record RecordLocation(String file, long offset, long length) {
}
