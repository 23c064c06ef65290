package org.onewindow.harvester.push;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.store.HarvestRun;

/**
 * Reads pinged pages at once: a ping run of their source starts now, or, while a run of that source goes (on any
 * instance), the pages wait here and a ping run reads them as soon as it has ended (checked every second). Waiting
 * pages live in this instance's memory: a restart forgets them, and the next scheduled harvest reads the pages.
 */
@ApplicationScoped
public class Pings {

    private static final Logger LOG = Logger.getLogger(Pings.class);

    @Inject
    HarvestService harvests;

    /** Pages of a source waiting for its run to end, by record id (a page pinged twice is read once). */
    private record Waiting(Map<String, RecordRef> pages, String requestedBy) {}

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** A run started for the pages, or the run they wait for. */
    public record Started(long runId, boolean waitingForIt) {}

    /**
     * Reads the source's pages now, or after the run of the source that is going.
     *
     * @throws HarvestService.DisabledSourceException when the source is disabled
     */
    public Started read(String sourceId, List<RecordRef> pages, String requestedBy) {
        try {
            return new Started(harvests.startPing(sourceId, pages, requestedBy).id, false);
        } catch (HarvestService.AlreadyRunningException running) {
            waiting.compute(sourceId, (id, before) -> {
                Map<String, RecordRef> all = new LinkedHashMap<>(before == null ? Map.of() : before.pages());
                pages.forEach(page -> all.put(page.sourceRecordId(), page));
                return new Waiting(all, requestedBy);
            });
            return new Started(running.runningRunId, true);
        }
    }

    /** The pages that waited for a run of their source, read once it has ended. */
    @Scheduled(
            identity = "waiting-pings",
            every = "1s",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void readWaitingPages() {
        for (String sourceId : new ArrayList<>(waiting.keySet())) {
            Waiting pages = waiting.remove(sourceId);
            if (pages == null) {
                continue;
            }
            try {
                HarvestRun run =
                        harvests.startPing(sourceId, List.copyOf(pages.pages().values()), pages.requestedBy());
                LOG.infof(
                        "run %d reads %d pinged pages of %s that waited",
                        run.id, pages.pages().size(), sourceId);
            } catch (HarvestService.AlreadyRunningException stillRunning) {
                waiting.merge(sourceId, pages, (newer, older) -> {
                    Map<String, RecordRef> all = new LinkedHashMap<>(older.pages());
                    all.putAll(newer.pages());
                    return new Waiting(all, newer.requestedBy());
                });
            } catch (RuntimeException e) { // deleted or disabled meanwhile: the pages are not read
                LOG.warnf("pinged pages of %s dropped: %s", sourceId, e.getMessage());
            }
        }
    }
}
