package org.nianbao.sim.render;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The farm's calendar: week 0 starts at {@code epoch} (the clock at start, whole seconds); week w
 * starts w simulated weeks later, so Last-Modified grows with every change.
 */
public record TimeBase(Instant epoch) {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public Instant week(int w) {
        return epoch.plus(Duration.ofDays(7L * w));
    }

    /** A publication date at 09:30 Beijing time. */
    public static Instant at(LocalDate d) {
        return d.atTime(9, 30).atZone(BEIJING).toInstant();
    }
}
