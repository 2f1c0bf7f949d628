package org.nianbao.runs.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When runs happen: a five-field Unix cron expression (minute hour day-of-month month day-of-week,
 * as in crontab, parsed by cron-utils) or one of the words daily / weekly / monthly.
 */
public final class Schedule {
    /** Words for common schedules; weekly is Monday 03:00, when portals are quiet. */
    public static final Map<String, String> WORDS = Map.of(
            "daily", "0 3 * * *",
            "weekly", "0 3 * * 1",
            "monthly", "0 3 1 * *");

    private final String text;
    private final Cron cron;
    private final ExecutionTime times;

    private Schedule(String text, Cron cron) {
        this.text = text;
        this.cron = cron;
        this.times = ExecutionTime.forCron(cron);
    }

    /** @throws IllegalArgumentException with a one-line reason for anything that is not a schedule */
    public static Schedule parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty schedule; use weekly or a cron expression like '0 3 * * 1'");
        String expr = WORDS.getOrDefault(text.strip().toLowerCase(Locale.ROOT), text.strip());
        try {
            Cron cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expr).validate();
            return new Schedule(text.strip(), cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad schedule '" + text + "': " + e.getMessage()
                    + " (use daily, weekly, monthly or five cron fields: minute hour day month weekday)", e);
        }
    }

    /** The next time strictly after {@code after}. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return times.nextExecution(after);
    }

    /** The cron expression this schedule runs on. */
    public String cron() {
        return cron.asString();
    }

    @Override
    public String toString() {
        return text.equals(cron()) ? text : text + " (" + cron() + ")";
    }
}
