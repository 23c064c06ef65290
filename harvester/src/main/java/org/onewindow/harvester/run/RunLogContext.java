package org.onewindow.harvester.run;

import java.util.concurrent.Callable;
import org.jboss.logging.MDC;

/**
 * Puts a run's {@code runId} and {@code sourceId} on every log line written for it (the MDC: JSON logs carry them as
 * fields), on the run's thread and on the worker threads its records are read on.
 */
final class RunLogContext {

    static final String RUN_ID = "runId";
    static final String SOURCE_ID = "sourceId";

    private RunLogContext() {}

    static void enter(long runId, String sourceId) {
        MDC.put(RUN_ID, Long.toString(runId));
        MDC.put(SOURCE_ID, sourceId);
    }

    static void leave() {
        MDC.remove(RUN_ID);
        MDC.remove(SOURCE_ID);
    }

    /** The work, to run on another thread with this thread's run on its log lines (and none after it). */
    static <T> Callable<T> carried(Callable<T> work) {
        Object runId = MDC.get(RUN_ID);
        Object sourceId = MDC.get(SOURCE_ID);
        if (runId == null) {
            return work;
        }
        return () -> {
            MDC.put(RUN_ID, runId);
            MDC.put(SOURCE_ID, sourceId);
            try {
                return work.call();
            } finally {
                leave();
            }
        };
    }
}
