package org.onewindow.signals;

import java.time.Duration;

/** The histogram buckets of the call timers: few (a series each), from a fast lookup to a call that timed out. */
public final class LatencyBuckets {

    private LatencyBuckets() {}

    public static final Duration[] CALLS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(10)
    };
}
