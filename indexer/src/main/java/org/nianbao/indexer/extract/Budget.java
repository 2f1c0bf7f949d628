package org.nianbao.indexer.extract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The per-document time budget: extractors check it between pages and stop early when it is spent. */
public final class Budget {
    private final Clock clock;
    private final Instant deadline;
    private final Duration total;

    public Budget(Clock clock, Duration total) {
        this.clock = clock;
        this.total = total;
        this.deadline = clock.instant().plus(total);
    }

    public boolean exhausted() {
        return !clock.instant().isBefore(deadline);
    }

    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public Duration total() {
        return total;
    }
}
