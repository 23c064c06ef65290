package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When each run of this instance last showed a sign of life (an answer from its site, a record done). Heartbeats
 * are sent only for runs that moved within their per-record deadline: a run stuck beyond it falls silent, and
 * another instance (or this one) closes it as abandoned. A run still waiting for a run thread (more sources due at
 * once than threads) is alive however long it waits.
 */
@ApplicationScoped
public class RunProgress {

    private final Map<Long, Long> lastStep = new ConcurrentHashMap<>();
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final LongSupplier nanoTime;

    public RunProgress() {
        this(System::nanoTime);
    }

    RunProgress(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The run was started and waits for a run thread. */
    public void waiting(long runId) {
        waiting.add(runId);
    }

    public void step(long runId) {
        lastStep.put(runId, nanoTime.getAsLong());
        waiting.remove(runId);
    }

    public void forget(long runId) {
        lastStep.remove(runId);
        waiting.remove(runId);
    }

    /**
     * The runs among those given that wait for a run thread or moved within {@code window}; a run that never stepped
     * counts as stuck.
     */
    public List<Long> movedWithin(Collection<Long> runIds, Duration window) {
        long now = nanoTime.getAsLong();
        return runIds.stream()
                .filter(id -> {
                    if (waiting.contains(id)) {
                        return true;
                    }
                    Long last = lastStep.get(id);
                    return last != null && now - last <= window.toNanos();
                })
                .toList();
    }
}
