package org.onewindow.harvester.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Works on one record on a thread of its own while the run's thread waits with its eyes open: when the record's
 * deadline passes, the run's time budget runs out or an operator cancels, the record is abandoned (its thread
 * interrupted; whatever it still produces is thrown away) and the run goes on or stops. A record that hangs thus
 * never hangs its run, and hung records never take the run threads that every other harvest needs.
 */
public final class RecordDeadline {

    /** How often a waiting run looks whether it was cancelled. */
    static final Duration CANCEL_CHECK = Duration.ofSeconds(1);

    /** How the wait for one record ended. */
    public sealed interface Result<T> {}

    public record Done<T>(T value) implements Result<T> {}

    /** The record's own deadline passed. */
    public record TimedOut<T>(Duration after) implements Result<T> {}

    /** The run's whole time budget ran out while the record was being worked on. */
    public record RunOutOfTime<T>() implements Result<T> {}

    public record Cancelled<T>() implements Result<T> {}

    private final ExecutorService workers;

    public RecordDeadline(ExecutorService workers) {
        this.workers = workers;
    }

    /**
     * @param cancelRequested asked at most every {@link #CANCEL_CHECK} while the record is still being worked on
     * @throws RuntimeException what the work itself threw
     */
    public <T> Result<T> await(
            Callable<T> work, Duration recordTimeout, Instant runDeadline, BooleanSupplier cancelRequested) {
        Future<T> future = workers.submit(RunLogContext.carried(work));
        long started = System.nanoTime();
        while (true) {
            long left = recordTimeout.toNanos() - (System.nanoTime() - started);
            try {
                return new Done<>(
                        future.get(Math.max(0, Math.min(left, CANCEL_CHECK.toNanos())), TimeUnit.NANOSECONDS));
            } catch (TimeoutException stillWorking) {
                // an operator's cancel first: it must win even when every record runs into its own deadline
                if (cancelRequested.getAsBoolean()) {
                    future.cancel(true);
                    return new Cancelled<>();
                }
                if (Instant.now().isAfter(runDeadline)) {
                    future.cancel(true);
                    return new RunOutOfTime<>();
                }
                if (System.nanoTime() - started >= recordTimeout.toNanos()) {
                    future.cancel(true);
                    return new TimedOut<>(recordTimeout);
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                return new Cancelled<>();
            }
        }
    }
}
