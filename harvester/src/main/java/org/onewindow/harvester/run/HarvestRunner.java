package org.onewindow.harvester.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.fetch.Politeness;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.Stage;
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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HarvestRunner.class);

    @Inject
    SourceCatalog sources;

    @Inject
    ListingGatherer gatherer;

    @Inject
    RecordProcessor processor;

    @Inject
    RecordStore store;

    @Inject
    CataloguePublisher publisher;

    @Inject
    RunLedger ledger;

    @Inject
    HarvesterConfig config;

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
        ErrorSink errors = ErrorSink.redacting(connector, (stage, url, recordId, message) -> ledger.error(runId, stage, url, recordId, message));
        try {
            ListingGatherer.Gathered gathered = gatherer.gather(connector, politeness, deadline, Integer.MAX_VALUE, errors);
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
                harvestRecord(definition, connector, ref, politeness, counts, errors);
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
            errors.error(Stage.GATHER, null, null, "run aborted: " + e);
            ledger.finish(runId, counts, false, RunStatus.FAILED, connector.redact("run aborted: " + e.getMessage()));
        }
    }

    private void harvestRecord(SourceDefinition definition, SourceConnector connector, RecordRef ref, Politeness politeness,
            RunCounts counts, ErrorSink errors) {
        LocalDate sourceModified = sourceModified(ref);
        if (sourceModified != null && store.seenUnchanged(ServiceRecord.catalogueId(definition.id(), ref.sourceRecordId()), sourceModified)) {
            counts.unchanged++; // the source says the page has not changed since we stored it: not fetched again
            return;
        }
        RecordProcessor.Processed processed = processor.process(definition, connector, ref, politeness, errors);
        if (processed == null) {
            counts.errored++;
            return;
        }
        MappingResult mapped = processed.mapping();
        mapped.warnings().forEach(warning -> LOG.infof("%s %s: %s", definition.id(), ref.sourceRecordId(), warning));
        if (!mapped.valid()) {
            errors.error(Stage.VALIDATE, processed.raw().url(), ref.sourceRecordId(), "not published: " + String.join("; ", mapped.problems()));
            counts.errored++;
            return;
        }
        switch (store.store(mapped.record(), sourceModified)) {
            case ADDED -> counts.added++;
            case UPDATED -> counts.updated++;
            case UNCHANGED -> counts.unchanged++;
        }
    }

    /** The listing's own modification date of the record (a sitemap's lastmod), when it gives a readable one. */
    private static LocalDate sourceModified(RecordRef ref) {
        List<String> lastmod = ref.listFields().get("lastmod");
        if (lastmod == null || lastmod.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(lastmod.get(0));
        } catch (DateTimeParseException e) {
            return null;
        }
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
}
