package org.onewindow.harvester.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private final AtomicLong clock = new AtomicLong();
    private final RunProgress progress = new RunProgress(clock::get);

    @Test
    void onlyRunsThatMovedWithinTheWindowGetAHeartbeat() {
        progress.step(1);
        progress.step(2);
        clock.addAndGet(Duration.ofMinutes(4).toNanos());
        progress.step(2);
        clock.addAndGet(Duration.ofMinutes(2).toNanos());

        assertThat(progress.movedWithin(List.of(1L, 2L, 3L), Duration.ofMinutes(5)))
                .as("1 stuck for 6 minutes, 2 moved 2 minutes ago, 3 never started")
                .containsExactly(2L);
    }

    @Test
    void aRunWaitingForARunThreadIsAliveHoweverLongItWaits() {
        progress.waiting(4); // more sources due at once than run threads: it waits in the queue
        clock.addAndGet(Duration.ofMinutes(30).toNanos());
        assertThat(progress.movedWithin(List.of(4L), Duration.ofMinutes(5))).containsExactly(4L);

        progress.step(4); // it got its thread, and then got stuck
        clock.addAndGet(Duration.ofMinutes(6).toNanos());
        assertThat(progress.movedWithin(List.of(4L), Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void aFinishedRunIsForgotten() {
        progress.step(7);
        progress.forget(7);

        assertThat(progress.movedWithin(List.of(7L), Duration.ofMinutes(5))).isEmpty();
    }
}
