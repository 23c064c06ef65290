package org.onewindow.harvester.run;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.fetch.FetchOutcome;
import org.onewindow.harvester.fetch.PageFetcher;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.SourceDefinition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs one harvest: gather the listing, then fetch → extract → map → store each record, withdraw what a
 * complete listing no longer has, and publish. Every failure becomes an error row on the run; none stops the
 * other records, and an incomplete listing never withdraws anything.
 */
@ApplicationScoped
public class HarvestRunner {

    @Inject
    SourceCatalog sources;

    @Inject
    PageFetcher fetcher;

    @Inject
    RecordStore store;

    @Inject
    CataloguePublisher publisher;

    @Inject
    RunLedger ledger;

    @Inject
    HarvesterConfig config;

    private final MappingEngine mapping = new MappingEngine();

    public void run(long runId) {
        RunCounts counts = new RunCounts();
        Source source = QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = HarvestRun.findById(runId);
            return Source.<Source>findById(run.sourceId);
        });
        Instant deadline = Instant.now().plus(config.harvest().runTimeout());
        SourceDefinition definition;
        SourceConnector connector;
        try {
            definition = sources.definition(source);
            connector = sources.connector(definition);
        } catch (RuntimeException e) {
            ledger.error(runId, Stage.GATHER, null, null, "source configuration: " + e.getMessage());
            ledger.finish(runId, counts, false, RunStatus.FAILED, "source configuration is invalid");
            return;
        }
        Politeness politeness = new Politeness(sources.delayMillis(definition));
        try {
            Gathered gathered = gather(runId, connector, politeness, deadline);
            if (gathered.records().isEmpty() && !gathered.complete()) {
                ledger.finish(runId, counts, false, RunStatus.FAILED, "the listing could not be read");
                return;
            }
            for (RecordRef ref : gathered.records().values()) {
                if (Instant.now().isAfter(deadline)) {
                    ledger.finish(runId, counts, false, RunStatus.FAILED,
                            "time budget of " + config.harvest().runTimeout() + " exceeded");
                    return;
                }
                harvestRecord(runId, definition, connector, ref, politeness, counts);
                if (counts.processed() % 20 == 0) {
                    ledger.progress(runId, counts);
                }
            }
            if (gathered.complete() && connector.completeListing()) {
                Set<String> listed = new HashSet<>();
                gathered.records().keySet().forEach(id -> listed.add(ServiceRecord.catalogueId(definition.id(), id)));
                counts.withdrawn = store.recordMisses(definition.id(), listed, config.harvest().withdrawAfterMisses());
            }
            boolean published = publish(runId);
            RunStatus status = counts.errored == 0 && gathered.complete() && published ? RunStatus.SUCCEEDED : RunStatus.PARTIAL;
            String message = gathered.complete() ? null : "listing incomplete: nothing was withdrawn";
            ledger.finish(runId, counts, gathered.complete(), status, message);
        } catch (RuntimeException e) {
            ledger.error(runId, Stage.GATHER, null, null, "run aborted: " + e);
            ledger.finish(runId, counts, false, RunStatus.FAILED, "run aborted: " + e.getMessage());
        }
    }

    private record Gathered(Map<String, RecordRef> records, boolean complete) {
    }

    private Gathered gather(long runId, SourceConnector connector, Politeness politeness, Instant deadline) {
        Map<String, RecordRef> records = new LinkedHashMap<>();
        Set<String> seenPages = new HashSet<>();
        PageRequest next = connector.firstPage();
        int pages = 0;
        while (next != null) {
            if (!seenPages.add(next.key())) {
                ledger.error(runId, Stage.GATHER, next.url(), null, "pagination loop: page requested twice (" + next.key() + ")");
                return new Gathered(records, false);
            }
            if (++pages > config.harvest().maxListPages()) {
                ledger.error(runId, Stage.GATHER, next.url(), null, "more than " + config.harvest().maxListPages() + " listing pages");
                return new Gathered(records, false);
            }
            if (Instant.now().isAfter(deadline)) {
                ledger.error(runId, Stage.GATHER, next.url(), null, "time budget exceeded while gathering");
                return new Gathered(records, false);
            }
            FetchedPage page = fetchOk(runId, Stage.GATHER, null, next, politeness);
            if (page == null) {
                return new Gathered(records, false);
            }
            GatherResult result;
            try {
                result = connector.gather(page);
            } catch (RuntimeException e) {
                ledger.error(runId, Stage.GATHER, next.url(), null, "unreadable listing page: " + e);
                return new Gathered(records, false);
            }
            result.records().forEach(ref -> records.putIfAbsent(ref.sourceRecordId(), ref));
            next = result.next().orElse(null);
        }
        return new Gathered(records, true);
    }

    private void harvestRecord(long runId, SourceDefinition definition, SourceConnector connector, RecordRef ref,
            Politeness politeness, RunCounts counts) {
        String url = ref.needsFetch() ? ref.request().url() : null;
        FetchedPage page = null;
        if (ref.needsFetch()) {
            page = fetchOk(runId, Stage.FETCH, ref.sourceRecordId(), ref.request(), politeness);
            if (page == null) {
                counts.errored++;
                return;
            }
        }
        ExtractResult extracted;
        try {
            extracted = connector.extract(ref, page);
        } catch (RuntimeException e) {
            extracted = new ExtractResult.NotAContentPage("extraction failed: " + e);
        }
        if (extracted instanceof ExtractResult.NotAContentPage notContent) {
            ledger.error(runId, Stage.EXTRACT, url, ref.sourceRecordId(), notContent.reason());
            counts.errored++;
            return;
        }
        MappingResult mapped;
        try {
            mapped = mapping.map(definition, ((ExtractResult.Extracted) extracted).record());
        } catch (RuntimeException e) {
            ledger.error(runId, Stage.MAP, url, ref.sourceRecordId(), "mapping failed: " + e);
            counts.errored++;
            return;
        }
        if (!mapped.valid()) {
            ledger.error(runId, Stage.VALIDATE, url, ref.sourceRecordId(), "not published: " + String.join("; ", mapped.problems()));
            counts.errored++;
            return;
        }
        switch (store.store(mapped.record())) {
            case ADDED -> counts.added++;
            case UPDATED -> counts.updated++;
            case UNCHANGED -> counts.unchanged++;
        }
    }

    /** The page if the site answered 2xx; otherwise records why not and returns null. */
    private FetchedPage fetchOk(long runId, Stage stage, String recordId, PageRequest request, Politeness politeness) {
        politeness.awaitTurn();
        FetchOutcome outcome = fetcher.fetch(request);
        if (outcome instanceof FetchOutcome.Failed failed) {
            ledger.error(runId, stage, request.url(), recordId, "no answer: " + failed.reason());
            return null;
        }
        FetchedPage page = ((FetchOutcome.Fetched) outcome).page();
        if (page.status() < 200 || page.status() >= 300) {
            ledger.error(runId, stage, request.url(), recordId, "HTTP " + page.status());
            return null;
        }
        return page;
    }

    private boolean publish(long runId) {
        try {
            CataloguePublisher.Result result = publisher.publishPending();
            result.failures().forEach(failure -> ledger.error(runId, Stage.PUBLISH, null, null, failure));
            return result.failures().isEmpty();
        } catch (Exception e) {
            ledger.error(runId, Stage.PUBLISH, null, null, "Elasticsearch unavailable, changes stay queued: " + e.getMessage());
            return false;
        }
    }

    /** Waits out the source's delay between two requests to its host. */
    private static final class Politeness {
        private final long delayMillis;
        private long lastRequest;

        Politeness(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        void awaitTurn() {
            long wait = lastRequest + delayMillis - System.currentTimeMillis();
            if (wait > 0) {
                try {
                    Thread.sleep(wait); // crawl manners: the delay itself is the point
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            lastRequest = System.currentTimeMillis();
        }
    }
}
