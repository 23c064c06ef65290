package org.onewindow.harvester.run;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.store.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads a source's listing page by page: the records it names, and whether the whole listing was read.
 * Guards against pagination loops, endless listings and the run's time budget.
 */
@ApplicationScoped
public class ListingGatherer {

    /** The records found (by source record id, in listing order) and whether every listing page was read. */
    public record Gathered(Map<String, RecordRef> records, boolean complete, int pages) {
    }

    @Inject
    PageReader reader;

    @Inject
    HarvesterConfig config;

    /** @param maxRecords stop once this many records are known (a dry-run); the listing then counts as incomplete */
    public Gathered gather(SourceConnector connector, FetchSession session, Instant deadline, int maxRecords, ErrorSink errors) {
        Map<String, RecordRef> records = new LinkedHashMap<>();
        Set<String> seenPages = new HashSet<>();
        Deque<PageRequest> toRead = new ArrayDeque<>(List.of(connector.firstPage()));
        int pages = 0;
        while (!toRead.isEmpty()) {
            PageRequest next = toRead.removeFirst();
            if (records.size() >= maxRecords) {
                return new Gathered(records, false, pages);
            }
            if (!seenPages.add(next.key())) {
                errors.error(Stage.GATHER, next.url(), null, "pagination loop: page requested twice (" + next.key() + ")");
                return new Gathered(records, false, pages);
            }
            if (++pages > config.harvest().maxListPages()) {
                errors.error(Stage.GATHER, next.url(), null, "more than " + config.harvest().maxListPages() + " listing pages");
                return new Gathered(records, false, pages);
            }
            if (Instant.now().isAfter(deadline)) {
                errors.error(Stage.GATHER, next.url(), null, "time budget exceeded while gathering");
                return new Gathered(records, false, pages);
            }
            FetchedPage page = reader.read(next, session, Stage.GATHER, null, errors);
            if (page == null) {
                return new Gathered(records, false, pages);
            }
            GatherResult result;
            try {
                result = connector.gather(page);
            } catch (RuntimeException e) { // defence: connectors report unreadable pages as a result, never by throwing
                result = GatherResult.unreadable(e.getMessage());
            }
            if (result.failure().isPresent()) {
                errors.error(Stage.GATHER, next.url(), null, "unreadable listing page: " + result.failure().get());
                return new Gathered(records, false, pages);
            }
            for (RecordRef ref : result.records()) {
                if (records.size() < maxRecords) {
                    records.putIfAbsent(ref.sourceRecordId(), ref);
                }
            }
            result.next().ifPresent(toRead::addFirst);
            toRead.addAll(result.alsoRead());
        }
        return new Gathered(records, true, pages);
    }
}
