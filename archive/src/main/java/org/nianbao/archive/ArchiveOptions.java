package org.nianbao.archive;

/**
 * How the archive writes its WARC files.
 *
 * @param maxFileBytes  rotate to a new WARC file once the current one reaches this size
 * @param minFreeBytes  refuse to write when the disk would have less than this left (disk-full guard)
 * @param dedupe        write revisit records for payloads already archived (same SHA-1) and for 304s
 * @param operator      the warcinfo "operator" field: who runs the crawl
 * @param robotsPolicy  the warcinfo "robots" field, e.g. "obey"
 * @param filePrefix    WARC file name prefix
 */
public record ArchiveOptions(
        long maxFileBytes,
        long minFreeBytes,
        boolean dedupe,
        String operator,
        String robotsPolicy,
        String filePrefix) {

    public static final long GIGABYTE = 1L << 30;

    public ArchiveOptions {
        if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        if (minFreeBytes < 0) throw new IllegalArgumentException("minFreeBytes must not be negative: " + minFreeBytes);
        operator = operator == null ? "nianbao" : operator;
        robotsPolicy = robotsPolicy == null ? "obey" : robotsPolicy;
        filePrefix = filePrefix == null || filePrefix.isBlank() ? "NIANBAO" : filePrefix;
    }

    /** 1 GB files, 64 MB kept free, dedupe on. */
    public static ArchiveOptions defaults() {
        return new ArchiveOptions(GIGABYTE, 64L << 20, true, "nianbao", "obey", "NIANBAO");
    }

    public ArchiveOptions withMaxFileBytes(long bytes) {
        return new ArchiveOptions(bytes, minFreeBytes, dedupe, operator, robotsPolicy, filePrefix);
    }

    public ArchiveOptions withMinFreeBytes(long bytes) {
        return new ArchiveOptions(maxFileBytes, bytes, dedupe, operator, robotsPolicy, filePrefix);
    }

    public ArchiveOptions withDedupe(boolean on) {
        return new ArchiveOptions(maxFileBytes, minFreeBytes, on, operator, robotsPolicy, filePrefix);
    }

    public ArchiveOptions withOperator(String who) {
        return new ArchiveOptions(maxFileBytes, minFreeBytes, dedupe, who, robotsPolicy, filePrefix);
    }
}
