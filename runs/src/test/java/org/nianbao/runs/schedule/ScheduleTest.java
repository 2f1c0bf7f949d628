package org.nianbao.runs.schedule;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    @Test
    void weeklyMeansMondayAtThree() {
        ZonedDateTime wed = ZonedDateTime.of(2026, 11, 25, 14, 0, 0, 0, ZoneOffset.UTC);
        ZonedDateTime next = Schedule.parse("weekly").next(wed).orElseThrow();
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next).isEqualTo(ZonedDateTime.of(2026, 11, 30, 3, 0, 0, 0, ZoneOffset.UTC));
        assertThat(Schedule.parse("WEEKLY").cron()).isEqualTo("0 3 * * 1");
    }

    @Test
    void cronExpressionsAreUnixFiveFieldCrontab() {
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 23, 10, 7, 0, 0, ZoneOffset.UTC);
        assertThat(Schedule.parse("*/15 * * * *").next(at).orElseThrow()).isEqualTo(at.withMinute(15));
        assertThat(Schedule.parse("30 2 * * 0").next(at).orElseThrow())
                .isEqualTo(ZonedDateTime.of(2026, 11, 29, 2, 30, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void aBadScheduleSaysWhatIsExpected() {
        assertThatThrownBy(() -> Schedule.parse("every tuesday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad schedule 'every tuesday'").hasMessageContaining("weekly");
        assertThatThrownBy(() -> Schedule.parse("61 * * * *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedule.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schedulerRunsTheTaskAtTheNextTimeAndPlansTheOneAfter() throws Exception {
        Schedule everyMinute = Schedule.parse("* * * * *");
        ShiftedClock clock = new ShiftedClock();
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (RunScheduler s = new RunScheduler(everyMinute, () -> {
            runs.incrementAndGet();
            ran.countDown();
            throw new IllegalStateException("a failing run must not stop the schedule");
        }, clock)) {
            // The clock shows two seconds before a minute boundary, so "every minute" fires soon.
            Instant now = Instant.now();
            Instant boundary = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            clock.shift = Duration.between(now, boundary.minusMillis(2000));
            ZonedDateTime first = s.start().orElseThrow();
            assertThat(first.toInstant()).isEqualTo(boundary);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (s.nextRun().orElseThrow().equals(first) && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(s.nextRun().orElseThrow()).as("runs so far: %s", runs.get()).isEqualTo(first.plusMinutes(1));
            assertThat(runs.get()).isEqualTo(1);
        }
    }

    /** The system clock moved by {@link #shift}, set after the scheduler is built (building it is slow on a busy machine). */
    private static final class ShiftedClock extends Clock {
        volatile Duration shift = Duration.ZERO;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
