package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.connectors.RecordRef;

/** The pages each ping run of this instance reads, from its start until it ends. */
@ApplicationScoped
public class PingedPages {

    private final Map<Long, List<RecordRef>> byRun = new ConcurrentHashMap<>();

    void hold(long runId, List<RecordRef> pages) {
        byRun.put(runId, List.copyOf(pages));
    }

    List<RecordRef> of(long runId) {
        return byRun.getOrDefault(runId, List.of());
    }

    void release(long runId) {
        byRun.remove(runId);
    }
}
