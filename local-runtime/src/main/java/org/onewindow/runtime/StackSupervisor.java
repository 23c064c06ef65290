package org.onewindow.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the processes of a running local stack and starts a crashed one again, on its port and with its data,
 * waiting longer after each failed attempt ({@link #backoff}); every crash and restart is logged and every change of
 * state reported, so that {@code ./onewindow status} can say which part is down and since when.
 */
public final class StackSupervisor implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** A part that stays up this long after a restart is healthy again: its next crash starts the backoff afresh. */
    static final Duration STABLE_AFTER = Duration.ofMinutes(2);

    /** What the supervisor knows of a part. {@code since}: when it went up or down; {@code problem}: why it is down. */
    public record PartState(
            String name, boolean up, Instant since, int restarts, String problem, Instant nextAttempt) {}

    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final List<StackPart> parts;
    private final Consumer<String> log;
    private final Consumer<List<PartState>> changed;
    private final Clock clock;
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "onewindow-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean attemptNow;

    private static final class Tracked {
        boolean up = true;
        Instant since;
        int restarts;
        int failedAttempts;
        String problem;
        Instant nextAttempt;
        Instant upAgainAt;
    }

    public StackSupervisor(
            List<StackPart> parts, Consumer<String> log, Consumer<List<PartState>> changed, Clock clock) {
        // a throw-away PostgreSQL has no pid to watch (and no data to start again with): only a persistent stack is
        // supervised
        this.parts = parts.stream().filter(part -> part.pid() > 0).toList();
        this.log = log;
        this.changed = changed;
        this.clock = clock;
        Instant now = clock.instant();
        for (StackPart part : this.parts) {
            Tracked state = new Tracked();
            state.since = now;
            tracked.put(part.name(), state);
        }
    }

    /** Checks the parts every second from now on. */
    public StackSupervisor start() {
        changed.accept(states());
        checker.scheduleWithFixedDelay(
                this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whatever is down is tried again at the next check, whatever its backoff ({@code ./onewindow up} asks this). */
    public void attemptNow() {
        attemptNow = true;
    }

    /** The wait before the {@code attempt}-th try to start a part again (1, 2, 4, … seconds, at most a minute). */
    static Duration backoff(int attempt) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(Math.max(attempt - 1, 0), 16);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    /** One round: notes the parts that died, starts again those whose wait is over (in start order, one at a time). */
    void check() {
        try {
            boolean now = attemptNow;
            attemptNow = false;
            boolean any = false;
            for (StackPart part : parts) {
                any |= check(part, now);
            }
            if (any) {
                changed.accept(states());
            }
        } catch (RuntimeException e) {
            log.accept("supervisor: " + e); // a round that failed must not end the supervision
        }
    }

    private boolean check(StackPart part, boolean attemptNow) {
        Tracked state = tracked.get(part.name());
        Instant now = clock.instant();
        if (state.up) {
            if (part.alive()) {
                if (state.upAgainAt != null
                        && Duration.between(state.upAgainAt, now).compareTo(STABLE_AFTER) >= 0) {
                    state.failedAttempts = 0;
                    state.upAgainAt = null;
                }
                return false;
            }
            state.up = false;
            state.since = now;
            state.problem = "its process (pid " + part.pid() + ") ended";
            state.nextAttempt = now.plus(backoff(state.failedAttempts + 1));
            log.accept(part.name() + " is down: " + state.problem + "; starting it again in "
                    + Duration.between(now, state.nextAttempt).toSeconds() + " s");
            return true;
        }
        if (!attemptNow && now.isBefore(state.nextAttempt)) {
            return false;
        }
        log.accept(part.name() + ": starting it again (down since " + TIME_OF_DAY.format(state.since) + ", attempt "
                + (state.failedAttempts + 1) + ")");
        try {
            part.restart();
            Instant upAt = clock.instant();
            log.accept(part.name() + " is up again (pid " + part.pid() + ") after "
                    + Duration.between(state.since, upAt).toSeconds() + " s down");
            state.up = true;
            state.restarts++;
            state.since = upAt;
            state.upAgainAt = upAt;
            state.problem = null;
            state.nextAttempt = null;
        } catch (RuntimeException e) {
            state.failedAttempts++;
            state.problem = "restart failed: " + firstLine(e.getMessage());
            state.nextAttempt = clock.instant().plus(backoff(state.failedAttempts + 1));
            log.accept(part.name() + ": " + state.problem + "; next attempt in "
                    + Duration.between(clock.instant(), state.nextAttempt).toSeconds() + " s");
        }
        return true;
    }

    public List<PartState> states() {
        List<PartState> states = new ArrayList<>();
        tracked.forEach(
                (name, s) -> states.add(new PartState(name, s.up, s.since, s.restarts, s.problem, s.nextAttempt)));
        return states;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Stops watching; a restart under way finishes first. */
    @Override
    public void close() {
        checker.shutdown();
        try {
            if (!checker.awaitTermination(5, TimeUnit.MINUTES)) {
                checker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checker.shutdownNow();
        }
    }
}
