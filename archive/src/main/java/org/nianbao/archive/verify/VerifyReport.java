package org.nianbao.archive.verify;

import java.time.Duration;
import java.util.List;

/**
 * What verify checked and found.
 *
 * @param files          WARC files read
 * @param records        WARC records read (every type)
 * @param captures       response and revisit records
 * @param tableRows      rows in the capture table
 * @param cdxLines       lines in the CDXJ index
 * @param compressedBytes size of the WARC files on disk
 * @param payloadBytes   payload bytes hashed
 * @param elapsed        wall time
 * @param skipped        files not checked (being written by another process)
 * @param mismatches     every problem found; empty when everything agrees
 */
public record VerifyReport(int files, long records, long captures, long tableRows, long cdxLines,
                           long compressedBytes, long payloadBytes, Duration elapsed, List<String> skipped,
                           List<Mismatch> mismatches) {

    public boolean ok() {
        return mismatches.isEmpty();
    }

    /** Read speed over the files on disk, in MB/s (10^6 bytes). */
    public double megabytesPerSecond() {
        double s = Math.max(elapsed.toNanos(), 1) / 1e9;
        return compressedBytes / 1e6 / s;
    }
}
