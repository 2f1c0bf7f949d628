package org.nianbao.archive.verify;

/** One thing verify found wrong, with where it is: a WARC file and offset, or the CDXJ file and line. */
public record Mismatch(String file, long offset, String problem) {
    @Override
    public String toString() {
        return file + (offset >= 0 ? " @" + offset : "") + ": " + problem;
    }
}
