package org.onewindow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor's rounds over real processes ({@code sleep}), on a clock the test moves. */
class StackSupervisorTest {

    private final MovableClock clock = new MovableClock();
    private final List<String> log = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean startsFail;

    @AfterEach
    void stopTheProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void theWaitDoublesFromOneSecondToAMinute() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 100).stream()
                        .map(StackSupervisor::backoff)
                        .map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aProcessThatDiedIsStartedAgainAfterItsWaitAndBothAreLogged() throws Exception {
        StackPart part = new StackPart("worker", this::startSleep);
        List<List<StackSupervisor.PartState>> reported = new ArrayList<>();
        StackSupervisor supervisor = new StackSupervisor(List.of(part), log::add, reported::add, clock);
        long first = part.pid();

        kill(first);
        supervisor.check();

        StackSupervisor.PartState down = supervisor.states().get(0);
        assertThat(down.up()).isFalse();
        assertThat(down.since()).isEqualTo(clock.instant());
        assertThat(down.problem()).isEqualTo("its process (pid " + first + ") ended");
        assertThat(log)
                .containsExactly("worker is down: its process (pid " + first + ") ended; starting it again in 1 s");

        supervisor.check();
        assertThat(starts).as("not before its wait is over").hasValue(1);

        clock.move(Duration.ofSeconds(1));
        supervisor.check();

        StackSupervisor.PartState up = supervisor.states().get(0);
        assertThat(up.up()).isTrue();
        assertThat(up.restarts()).isEqualTo(1);
        assertThat(part.pid()).isNotEqualTo(first);
        assertThat(part.alive()).isTrue();
        assertThat(log.get(log.size() - 1)).isEqualTo("worker is up again (pid " + part.pid() + ") after 1 s down");
        assertThat(reported).hasSize(2);
    }

    @Test
    void eachFailedStartWaitsLongerAndAskingForItStartsAtOnce() throws Exception {
        StackPart part = new StackPart("worker", this::startSleep);
        StackSupervisor supervisor = new StackSupervisor(List.of(part), log::add, states -> {}, clock);
        startsFail = true;
        kill(part.pid());
        supervisor.check();

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.move(
                    Duration.between(clock.instant(), supervisor.states().get(0).nextAttempt()));
            supervisor.check();
            waits.add(
                    Duration.between(clock.instant(), supervisor.states().get(0).nextAttempt())
                            .toSeconds());
        }
        assertThat(waits).containsExactly(2L, 4L, 8L, 16L);
        assertThat(supervisor.states().get(0).problem()).isEqualTo("restart failed: the worker cannot start");

        startsFail = false;
        supervisor.attemptNow();
        supervisor.check();
        assertThat(supervisor.states().get(0).up()).as("at once, not in 16 s").isTrue();
    }

    @Test
    void aPartUpForTwoMinutesAfterARestartWaitsOneSecondAgainAtItsNextCrash() throws Exception {
        StackPart part = new StackPart("worker", this::startSleep);
        StackSupervisor supervisor = new StackSupervisor(List.of(part), log::add, states -> {}, clock);
        startsFail = true;
        kill(part.pid());
        supervisor.check();
        clock.move(Duration.ofSeconds(1));
        supervisor.check(); // fails: the next wait is 2 s
        startsFail = false;
        clock.move(Duration.ofSeconds(2));
        supervisor.check();
        assertThat(supervisor.states().get(0).up()).isTrue();

        clock.move(StackSupervisor.STABLE_AFTER);
        supervisor.check();
        kill(part.pid());
        supervisor.check();

        assertThat(Duration.between(clock.instant(), supervisor.states().get(0).nextAttempt()))
                .isEqualTo(Duration.ofSeconds(1));
    }

    private StackPart.Running startSleep() {
        starts.incrementAndGet();
        if (startsFail) {
            throw new RuntimeEnvironmentException("the worker cannot start\nsecond line of the reason");
        }
        try {
            Process process = new ProcessBuilder("sleep", "300").start();
            processes.add(process);
            return new StackPart.Running(process::destroyForcibly, "none://", process.pid());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void kill(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T06:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
