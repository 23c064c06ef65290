package org.onewindow.harvester.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedKeyThrottleTest {

    private final AtomicLong clock = new AtomicLong();
    private final FailedKeyThrottle throttle = new FailedKeyThrottle(clock::get);

    @Test
    void aClientIsTurnedAwayAfterTenWrongKeysAndMayTryAgainLater() {
        for (int i = 0; i < FailedKeyThrottle.ALLOWED_FAILURES; i++) {
            assertThat(throttle.waitFor("203.0.113.7")).isEmpty();
            throttle.failed("203.0.113.7");
        }

        assertThat(throttle.waitFor("203.0.113.7")).hasValue(FailedKeyThrottle.REFILL_SECONDS);
        assertThat(throttle.waitFor("198.51.100.1")).as("another client").isEmpty();

        clock.addAndGet(FailedKeyThrottle.REFILL_SECONDS * 1_000_000_000L);
        assertThat(throttle.waitFor("203.0.113.7")).isEmpty();
        throttle.failed("203.0.113.7");
        assertThat(throttle.waitFor("203.0.113.7")).isPresent();
    }

    @Test
    void aFloodOfClientsEvictsTheLeastRecentOnlyAndNeverGrowsWithoutBound() {
        for (int i = 0; i < FailedKeyThrottle.ALLOWED_FAILURES; i++) {
            throttle.failed("guesser");
        }
        for (int i = 0; i < FailedKeyThrottle.MAX_CLIENTS - 1; i++) {
            throttle.failed("flood-" + i);
        }
        assertThat(throttle.waitFor("guesser"))
                .as("still remembered: the table is full, not over")
                .isPresent();

        for (int i = 0; i < 2 * FailedKeyThrottle.MAX_CLIENTS; i++) {
            throttle.failed("more-" + i);
        }
        assertThat(throttle.waitFor("guesser")).as("evicted as least recent").isEmpty();
    }
}
