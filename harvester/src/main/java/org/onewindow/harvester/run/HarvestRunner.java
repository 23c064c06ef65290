package org.onewindow.harvester.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.DaemonThreads;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.fetch.Validators;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.source.SourceSecrets;
import org.onewindow.harvester.store.ChangeSet;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.source.SourceDefinition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Runs one harvest: gather the listing, then fetch → extract → map → compare each record, staging what changed;
 * stage the withdrawal of what complete listings no longer have (or what answers 404/410 run after run); then
 * apply the changes and publish them, unless they are more than the source's review threshold, which holds the
 * run for an operator. Every failure becomes an error row on the run; none stops the other records, and an
 * incomplete listing never withdraws anything.
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
    ChangeSet changes;

    @Inject
    CataloguePublisher publisher;

    @Inject
    RunLedger ledger;

    @Inject
    HarvesterConfig config;

    /** Everything one run needs at hand. */
    private record Context(long runId, SourceDefinition definition, String definitionHash, SourceConnector connector,
            SourceSecrets secrets, FetchSession session, RunCounts counts, ErrorSink errors, Duration recordTimeout, Instant deadline,
            List<String> gone) {
    }

    /** What the run does after a record. */
    private enum Next {
        GO_ON, OUT_OF_TIME, CANCELLED
    }

    @Inject
    RunProgress progress;

    @Inject
    InstanceIdentity instance;

    private final ExecutorService recordWorkers = Executors.newCachedThreadPool(DaemonThreads.named("harvest-record"));

    private final RecordDeadline recordDeadline = new RecordDeadline(recordWorkers);

    void stop(@Observes ShutdownEvent event) {
        recordWorkers.shutdownNow();
    }

    public void run(long runId) {
        RunCounts counts = new RunCounts();
        Source source = QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = HarvestRun.findById(runId);
            return Source.<Source>findById(run.sourceId);
        });
        Instant deadline = Instant.now().plus(config.harvest().runTimeout());
        SourceDefinition definition;
        SourceConnector connector;
        SourceSecrets secrets;
        try {
            definition = sources.definition(source);
            secrets = sources.secrets(definition);
            connector = sources.connector(definition, secrets);
        } catch (RuntimeException e) {
            ledger.error(runId, Stage.GATHER, null, null, "source configuration: " + e.getMessage());
            ledger.finish(runId, counts, null, false, RunStatus.FAILED, "source configuration is invalid");
            return;
        }
        progress.step(runId);
        FetchSession session = new FetchSession(sources.delayMillis(definition), sources.allowsPrivateNetworks(definition), secrets,
                () -> progress.step(runId));
        UnaryOperator<String> mask = text -> secrets.mask(connector.redact(text));
        ErrorSink errors = ErrorSink.redacting(mask, (stage, url, recordId, message) -> ledger.error(runId, stage, url, recordId, message));
        Context run = new Context(runId, definition, RecordStore.sha256(source.definition), connector, secrets, session, counts, errors,
                sources.recordTimeout(definition), deadline, new ArrayList<>());
        try {
            ListingGatherer.Gathered gathered = gatherer.gather(connector, session, deadline, Integer.MAX_VALUE, errors);
            if (gathered.records().isEmpty() && !gathered.complete()) {
                ledger.finish(runId, counts, session, false, RunStatus.FAILED, "the listing could not be read");
                return;
            }
            boolean complete = gathered.complete();
            long activeBefore = store.activeCount(definition.id());
            if (complete && gathered.records().isEmpty() && activeBefore > 0) {
                errors.error(Stage.GATHER, connector.firstPage().url(), null, "the listing names no service at all while "
                        + activeBefore + " are published: taken for a broken listing, nothing is withdrawn");
                complete = false;
            }
            String stopped = null;
            for (RecordRef ref : gathered.records().values()) {
                if (Instant.now().isAfter(deadline)) {
                    stopped = "time budget of " + config.harvest().runTimeout() + " exceeded: nothing was withdrawn";
                    break;
                }
                Next next = counts.processed() % 20 == 0 && ledger.progress(runId, counts, session) ? Next.CANCELLED : harvestRecord(run, ref);
                if (next == Next.CANCELLED) {
                    changes.discard(runId);
                    ledger.finish(runId, counts, session, false, RunStatus.CANCELLED, "cancelled by an operator: nothing was changed");
                    return;
                }
                if (next == Next.OUT_OF_TIME) {
                    stopped = "time budget of " + config.harvest().runTimeout() + " exceeded: nothing was withdrawn";
                    break;
                }
            }
            // the withdrawal rule: only a run that read the whole listing and every page it needed may withdraw
            boolean mayWithdraw = stopped == null && complete && counts.errored == 0;
            if (mayWithdraw) {
                counts.withdrawn += store.stageGone(runId, run.gone(), config.harvest().withdrawAfterGone());
                if (connector.completeListing()) {
                    counts.withdrawn += store.stageMisses(runId, definition.id(), gathered.records().keySet(),
                            config.harvest().withdrawAfterMisses());
                }
            }
            RunStatus status = stopped != null ? RunStatus.FAILED : mayWithdraw ? RunStatus.SUCCEEDED : RunStatus.PARTIAL;
            String message = stopped != null ? stopped
                    : !complete ? "listing incomplete: nothing was withdrawn"
                    : counts.errored > 0 ? counts.errored + " pages could not be fetched: nothing was withdrawn" : null;
            conclude(run, activeBefore, complete, status, message);
        } catch (ChangeSet.RunFencedException e) {
            LOG.warnf("run %d stopped without changing anything: %s", runId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %d aborted", runId);
            errors.error(Stage.GATHER, null, null, "run aborted: " + e);
            changes.discard(runId);
            ledger.finish(runId, counts, session, false, RunStatus.FAILED, mask.apply("run aborted, nothing was changed: " + e.getMessage()));
        }
    }

    /** Applies and publishes the run's changes, or holds them for review when they are too many. */
    private void conclude(Context run, long activeBefore, boolean complete, RunStatus status, String message) {
        ChangeSet.Summary staged = changes.summary(run.runId());
        double threshold = sources.reviewThreshold(run.definition());
        double share = activeBefore == 0 ? 0 : staged.total() / (double) activeBefore;
        if (activeBefore > 0 && staged.total() >= config.harvest().reviewMinChanges() && share > threshold) {
            ledger.hold(run.runId(), run.counts(), run.session(), complete, share, String.format(java.util.Locale.ROOT,
                    "held for review: would add %d, update %d and withdraw %d of %d services (%.0f%%, more than %.0f%%)",
                    staged.added(), staged.updated(), staged.withdrawn(), activeBefore, share * 100, threshold * 100));
            return;
        }
        changes.applyRun(run.runId(), instance.name());
        boolean published = publish(run.runId());
        String said = published ? message
                : (message == null ? "" : message + "; ") + "not every change reached Elasticsearch (see the publish errors)";
        ledger.finish(run.runId(), run.counts(), run.session(), complete,
                status == RunStatus.SUCCEEDED && !published ? RunStatus.PARTIAL : status, said);
    }

    private RecordProcessor.Outcome process(Context run, RecordRef ref, Validators validators) {
        return processor.process(run.definition(), run.connector(), ref, validators, run.session(), run.errors());
    }

    private Next harvestRecord(Context run, RecordRef ref) {
        RunCounts counts = run.counts();
        RecordStore.Known known = store.known(run.definition().id(), ref.sourceRecordId());
        String id = RecordStore.idOf(known, run.definition().id(), ref.sourceRecordId());
        boolean current = known != null && known.active() && run.definitionHash().equals(known.definitionHash());
        LocalDate sourceModified = sourceModified(ref);
        if (current && sourceModified != null && known.sourceModified() != null && !sourceModified.isAfter(known.sourceModified())) {
            store.seenUnchanged(id); // the listing says the page has not changed since we read it: not fetched again
            counts.unchanged++;
            return Next.GO_ON;
        }
        Validators validators = current ? known.validators() : Validators.NONE;
        // A record the listing carried whole waits on no network and its extract rules are bounded by their read budget:
        // it is mapped on the run's thread. Handing it to a worker costs two thread switches per record, which made a
        // 100,000-record harvest 11-19 % slower on 2 cores (BENCHMARKS.md). A record whose page must be fetched gets a
        // thread and a deadline.
        RecordDeadline.Result<RecordProcessor.Outcome> result = ref.needsFetch()
                ? recordDeadline.await(() -> process(run, ref, validators), run.recordTimeout(), run.deadline(),
                        () -> ledger.cancelRequested(run.runId()))
                : new RecordDeadline.Done<>(process(run, ref, validators));
        progress.step(run.runId());
        if (result instanceof RecordDeadline.Cancelled) {
            return Next.CANCELLED;
        }
        if (result instanceof RecordDeadline.RunOutOfTime) {
            return Next.OUT_OF_TIME;
        }
        if (result instanceof RecordDeadline.TimedOut<RecordProcessor.Outcome> timedOut) {
            run.errors().error(Stage.FETCH, ref.request().url(), ref.sourceRecordId(), "abandoned: fetch, extract and map not done within "
                    + timedOut.after().toSeconds() + " s (the run went on without it)");
            counts.errored++;
            return Next.GO_ON;
        }
        RecordProcessor.Outcome outcome = ((RecordDeadline.Done<RecordProcessor.Outcome>) result).value();
        if (outcome instanceof RecordProcessor.NotModified) {
            store.seenUnchanged(id);
            counts.unchanged++;
            return Next.GO_ON;
        }
        if (outcome instanceof RecordProcessor.Gone) {
            counts.gone++;
            run.gone().add(id); // a step toward its withdrawal only if the run may withdraw, known at its end
            return Next.GO_ON;
        }
        if (outcome instanceof RecordProcessor.Failed failed) {
            if (failed.stage() == Stage.FETCH) {
                counts.errored++;
            } else {
                counts.rejected++;
            }
            return Next.GO_ON;
        }
        RecordProcessor.Processed processed = (RecordProcessor.Processed) outcome;
        if (run.secrets().appearsIn(processed.raw())) {
            run.errors().error(Stage.VALIDATE, processed.raw().url(), ref.sourceRecordId(),
                    "not published: the record holds the value of a secret the source reads (an API key echoed by the site)");
            counts.rejected++;
            return Next.GO_ON;
        }
        MappingResult mapped = processed.mapping();
        mapped.warnings().forEach(warning -> LOG.infof("%s %s: %s", run.definition().id(), ref.sourceRecordId(), warning));
        if (!mapped.valid()) {
            run.errors().error(Stage.VALIDATE, processed.raw().url(), ref.sourceRecordId(), "not published: " + String.join("; ", mapped.problems()));
            counts.rejected++;
            return Next.GO_ON;
        }
        switch (store.stage(run.runId(), mapped.record().withId(id), sourceModified, processed.validators(), run.definitionHash())) {
            case ADDED -> counts.added++;
            case UPDATED -> counts.updated++;
            case UNCHANGED -> counts.unchanged++;
        }
        return Next.GO_ON;
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
            return result.failures().isEmpty() && result.deadLettered() == 0;
        } catch (Exception e) {
            ledger.error(runId, Stage.PUBLISH, null, null, "Elasticsearch unavailable, changes stay queued: " + e.getMessage());
            return false;
        }
    }
}
