package org.onewindow.harvester.run;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a run next writes its counts and reads whether it was cancelled: at its first record, then at most once per
 * interval, however fast records go (a transaction every few records made a re-harvest of 100,000 unchanged records
 * 5,000 transactions long), and at every record when each takes longer than the interval.
 */
final class ProgressCadence {

    static final Duration INTERVAL = Duration.ofMillis(500);

    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private long next;
    private boolean started;

    ProgressCadence(LongSupplier nanoTime, Duration interval) {
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
    }

    static ProgressCadence everyHalfSecond() {
        return new ProgressCadence(System::nanoTime, INTERVAL);
    }

    /** Whether the run should write its progress now; if so, the next time is one interval away. */
    synchronized boolean due() {
        long now = nanoTime.getAsLong();
        if (started && now - next < 0) {
            return false;
        }
        started = true;
        next = now + intervalNanos;
        return true;
    }
}
