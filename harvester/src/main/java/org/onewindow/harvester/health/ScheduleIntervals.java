package org.onewindow.harvester.health;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a schedule last fired and how long it waited before that: the interval between its last two fire times, which
 * says how fresh a source should be. Quartz only looks forward, so the past is found by looking forward from ever
 * earlier starts (an hour back, then two, four, …, up to two years: a schedule that fires less than twice in two years
 * has no interval).
 */
public final class ScheduleIntervals {

    private static final Duration FURTHEST = Duration.ofDays(731);

    private ScheduleIntervals() {}

    /** The interval between the schedule's last two fire times before {@code now}; empty when it has none. */
    public static Optional<Duration> lastInterval(String cron, Instant now) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            return Optional.empty();
        }
        expression.setTimeZone(TimeZone.getDefault());
        for (Duration back = Duration.ofHours(1); ; back = back.multipliedBy(2)) {
            if (back.compareTo(FURTHEST) > 0) {
                back = FURTHEST;
            }
            Instant previous = null;
            Instant last = null;
            Date fire = expression.getNextValidTimeAfter(Date.from(now.minus(back)));
            while (fire != null && !fire.toInstant().isAfter(now)) {
                previous = last;
                last = fire.toInstant();
                fire = expression.getNextValidTimeAfter(fire);
            }
            if (previous != null) {
                return Optional.of(Duration.between(previous, last));
            }
            if (back.equals(FURTHEST)) {
                return Optional.empty();
            }
        }
    }

    /** The schedule's {@code n}th fire time after {@code from} (1: the next); empty when it fires fewer times. */
    public static Optional<Instant> nthAfter(String cron, Instant from, int n) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getDefault());
            Date fire = Date.from(from);
            for (int i = 0; i < n && fire != null; i++) {
                fire = expression.getNextValidTimeAfter(fire);
            }
            return Optional.ofNullable(fire).map(Date::toInstant);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The schedule's next fire time after {@code now}; empty for a schedule that never fires again. */
    public static Optional<Instant> next(String cron, Instant now) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getDefault());
            return Optional.ofNullable(expression.getNextValidTimeAfter(Date.from(now)))
                    .map(Date::toInstant);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
