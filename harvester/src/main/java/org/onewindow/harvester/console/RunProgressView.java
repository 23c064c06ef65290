package org.onewindow.harvester.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.onewindow.harvester.store.HarvestRun;

/**
 * A run's progress as the console shows it: records done of those listed so far, the rate since it started, and the
 * time left at that rate for the records listed so far (a listing still being read may name more).
 *
 * @param etaSeconds null when the run is over or nothing is done yet
 */
public record RunProgressView(
        long id, String status, int done, int listed, double perSecond, Long etaSeconds, Instant startedAt) {

    public static RunProgressView of(HarvestRun run, Instant now) {
        int done = run.processed();
        Instant end = run.finishedAt != null ? run.finishedAt : now;
        double seconds = Math.max(0.001, Duration.between(run.startedAt, end).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = run.finishedAt == null && rate > 0 && run.listed >= done
                ? Math.round((run.listed - done) / rate)
                : null;
        return new RunProgressView(
                run.id,
                run.status.name().toLowerCase(Locale.ROOT),
                done,
                Math.max(run.listed, done),
                rate,
                eta,
                run.startedAt);
    }

    public String statusKey() {
        return "status." + status;
    }

    public boolean running() {
        return "running".equals(status);
    }

    /** {@code 12.5}: records a second, one decimal. */
    public String rate() {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** {@code 3m 20s}; empty when there is no estimate. */
    public String eta() {
        if (etaSeconds == null) {
            return "";
        }
        long minutes = etaSeconds / 60;
        return minutes > 0 ? minutes + "m " + etaSeconds % 60 + "s" : etaSeconds + "s";
    }

    /** The share done, 0 to 100, for the progress bar. */
    public int percent() {
        return listed == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * done / listed));
    }
}
