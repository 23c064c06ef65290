package org.onewindow.harvester.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.harvester.store.RunStatus;

/**
 * Whether a source needs an operator, at a glance. A source is red when its last three completed runs all failed or
 * ended partial, or when it has not succeeded within twice the interval between its schedule's last two fire times
 * (counted from its creation when it never succeeded), nor before its schedule fired twice since (a weekday schedule's
 * source is not late on a Sunday). Only its harvests count (scheduled, by an operator, at start-up):
 * a ping reads a page or two and says nothing of the source's health; a held run has not completed, a cancelled one
 * changed nothing. A disabled source is neither red nor green: nobody expects it to run.
 *
 * @param state         green, red or disabled
 * @param reasons       why it is red, in words an operator acts on; empty otherwise
 * @param failing       its last {@value #FAILING_RUNS} completed runs failed or ended partial
 * @param stale         it has not succeeded within twice its schedule's interval
 * @param lastSucceeded when its last successful harvest finished, if any
 * @param staleAfter    when it turns red for want of a success (empty: its schedule has no interval)
 * @param nextRun       when its schedule fires next, if it is enabled
 */
public record SourceHealth(
        State state,
        List<String> reasons,
        boolean failing,
        boolean stale,
        Instant lastSucceeded,
        Instant staleAfter,
        Instant nextRun) {

    /** How many completed runs in a row may fail or end partial before the source is red. */
    public static final int FAILING_RUNS = 3;

    public enum State {
        GREEN,
        RED,
        DISABLED
    }

    public SourceHealth {
        reasons = List.copyOf(reasons);
    }

    public boolean red() {
        return state == State.RED;
    }

    /**
     * @param completedNewestFirst the source's newest completed harvests (succeeded, partial or failed), newest first;
     *                             at least {@value #FAILING_RUNS} when it has that many
     * @param lastSucceeded        when its last successful harvest finished, or null
     */
    public static SourceHealth of(
            boolean enabled,
            String schedule,
            Instant createdAt,
            List<RunStatus> completedNewestFirst,
            Instant lastSucceeded,
            Instant now) {
        if (!enabled) {
            return new SourceHealth(State.DISABLED, List.of(), false, false, lastSucceeded, null, null);
        }
        List<String> reasons = new ArrayList<>();
        List<RunStatus> lastRuns = completedNewestFirst.subList(0, Math.min(FAILING_RUNS, completedNewestFirst.size()));
        boolean failing =
                lastRuns.size() == FAILING_RUNS && lastRuns.stream().allMatch(status -> status != RunStatus.SUCCEEDED);
        if (failing) {
            reasons.add("its last " + FAILING_RUNS + " runs failed or ended partial");
        }
        Duration interval = ScheduleIntervals.lastInterval(schedule, now).orElse(null);
        Instant staleAfter = null;
        boolean stale = false;
        if (interval != null) {
            Instant since = lastSucceeded != null ? lastSucceeded : createdAt;
            staleAfter = since.plus(interval.multipliedBy(2));
            // and not before two fire times have passed since: a weekday schedule is not late on a Sunday
            Instant secondFire = ScheduleIntervals.nthAfter(schedule, since, 2).orElse(staleAfter);
            if (secondFire.isAfter(staleAfter)) {
                staleAfter = secondFire;
            }
            stale = now.isAfter(staleAfter);
            if (stale) {
                reasons.add(
                        lastSucceeded != null
                                ? "no successful run since " + lastSucceeded + ", twice its schedule's interval ("
                                        + interval + ") ago"
                                : "never succeeded in twice its schedule's interval (" + interval
                                        + ") since it was added");
            }
        }
        return new SourceHealth(
                reasons.isEmpty() ? State.GREEN : State.RED,
                reasons,
                failing,
                stale,
                lastSucceeded,
                staleAfter,
                ScheduleIntervals.next(schedule, now).orElse(null));
    }
}
