package org.nianbao.bench;

import java.util.Locale;

/**
 * One row of the result table: nianbao's figure, its peer's or limit's figure measured in the same run
 * (when there is one), and what the ratio means.
 *
 * @param stage    pipeline stage, e.g. "archive write"
 * @param metric   what was measured, with its unit, e.g. "MB/s of payload"
 * @param nianbao  nianbao's measurements
 * @param peerName the peer or limit, e.g. "gzip -6", or null when the figure stands alone
 * @param peer     the peer's measurements on the same input, or null (a fixed limit has one value)
 * @param note     how to read the row (input size, what a violation is), may be empty
 */
public record Figure(String stage, String metric, Samples nianbao, String peerName, Samples peer, String note) {

    public static Figure alone(String stage, String metric, Samples nianbao, String note) {
        return new Figure(stage, metric, nianbao, null, null, note);
    }

    /** nianbao's median over the peer's median, or null when there is no peer or either measured zero (counts of faults). */
    public Double ratio() {
        if (peer == null || peer.median() == 0 || nianbao.median() == 0) return null;
        return nianbao.median() / peer.median();
    }

    public String ratioText() {
        Double r = ratio();
        return r == null ? "—" : String.format(Locale.ROOT, "%.2f×", r);
    }

    public String peerText() {
        if (peerName == null) return "—";
        return peer == null ? peerName : peerName + ": " + peer.format();
    }
}
