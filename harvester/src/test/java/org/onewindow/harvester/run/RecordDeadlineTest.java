package org.onewindow.harvester.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordDeadlineTest {

    private static final Instant NO_RUN_DEADLINE = Instant.MAX;

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final RecordDeadline deadline = new RecordDeadline(workers);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void aRecordDoneInTimeGivesItsOutcome() {
        assertThat(deadline.await(() -> "record", Duration.ofSeconds(5), NO_RUN_DEADLINE, () -> false))
                .isEqualTo(new RecordDeadline.Done<>("record"));
    }

    @Test
    void aRecordThatHangsIsAbandonedAtItsDeadlineAndItsThreadInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);

        RecordDeadline.Result<String> result = deadline.await(
                () -> {
                    try {
                        never.await();
                        return "never";
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                },
                Duration.ofMillis(200),
                NO_RUN_DEADLINE,
                () -> false);

        assertThat(result).isEqualTo(new RecordDeadline.TimedOut<>(Duration.ofMillis(200)));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoHangingRecordsIgnoringInterruptsStillLetTheRunGoOn() {
        // a record stuck in code that ignores interrupts keeps its worker, never the run's thread
        for (int i = 0; i < 2; i++) {
            assertThat(deadline.await(this::spinForever, Duration.ofMillis(100), NO_RUN_DEADLINE, () -> false))
                    .isInstanceOf(RecordDeadline.TimedOut.class);
        }
        assertThat(deadline.await(() -> "third", Duration.ofSeconds(5), NO_RUN_DEADLINE, () -> false))
                .isEqualTo(new RecordDeadline.Done<>("third"));
    }

    @Test
    void aCancelIsHonouredWhileARecordIsStillBeingWorkedOn() {
        AtomicBoolean cancelled = new AtomicBoolean(true);

        assertThat(deadline.await(
                        () -> {
                            never.await();
                            return "never";
                        },
                        Duration.ofMinutes(5),
                        NO_RUN_DEADLINE,
                        cancelled::get))
                .isInstanceOf(RecordDeadline.Cancelled.class);
    }

    @Test
    void aCancelWinsOverTheRecordsOwnDeadline() {
        assertThat(deadline.await(
                        () -> {
                            never.await();
                            return "never";
                        },
                        Duration.ofMillis(10),
                        NO_RUN_DEADLINE,
                        () -> true))
                .isInstanceOf(RecordDeadline.Cancelled.class);
    }

    @Test
    void theRunsTimeBudgetIsHonouredWhileARecordIsStillBeingWorkedOn() {
        assertThat(deadline.await(
                        () -> {
                            never.await();
                            return "never";
                        },
                        Duration.ofMinutes(5),
                        Instant.now(),
                        () -> false))
                .isInstanceOf(RecordDeadline.RunOutOfTime.class);
    }

    @Test
    void whatTheWorkThrowsReachesTheRun() {
        assertThatThrownBy(() -> deadline.await(
                        () -> {
                            throw new IllegalStateException("mapping exploded");
                        },
                        Duration.ofSeconds(5),
                        NO_RUN_DEADLINE,
                        () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping exploded");
    }

    private String spinForever() {
        long spins = 0;
        while (!workers.isShutdown()) {
            spins++;
        }
        return "spun " + spins;
    }
}
