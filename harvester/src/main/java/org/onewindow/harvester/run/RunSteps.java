package org.onewindow.harvester.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.gather.ListingPages;
import org.onewindow.harvester.run.RunCounts.Count;
import org.onewindow.harvester.source.EffectiveSettings;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.source.SourceSecrets;
import org.onewindow.harvester.store.ChangeSet;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.SourceVersion;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.source.SourceDefinition;

/** The steps of {@link HarvestRunRoute}: opening a run, the withdrawal rule at the end of its listing, and its end. */
@ApplicationScoped
public class RunSteps {

    private static final Logger LOG = Logger.getLogger(RunSteps.class);
    private static final String RUN_ID = "onewindow.run-id";

    @Inject
    SourceCatalog sources;

    @Inject
    RecordStore store;

    @Inject
    ChangeSet changes;

    @Inject
    RunLedger ledger;

    @Inject
    RunProgress progress;

    @Inject
    HarvesterConfig config;

    /** The run's context; none (the run failed) when its source's configuration cannot work. */
    void open(Exchange exchange) {
        long runId = exchange.getMessage().getBody(Long.class);
        exchange.setProperty(RUN_ID, runId);
        exchange.getMessage().setBody(null);
        Source source = QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>findById(HarvestRun.<HarvestRun>findById(runId).sourceId));
        Instant deadline = Instant.now().plus(config.harvest().runTimeout());
        SourceDefinition definition;
        SourceConnector connector;
        SourceSecrets secrets;
        EffectiveSettings settings;
        try {
            definition = sources.definition(source);
            settings = sources.settings(source, definition);
            secrets = sources.secrets(source.id, settings);
            connector = sources.connector(definition, settings, secrets);
        } catch (RuntimeException e) {
            ledger.error(runId, Stage.GATHER, null, null, "source configuration: " + e.getMessage());
            ledger.finish(runId, new RunCounts(), null, false, RunStatus.FAILED, "source configuration is invalid");
            return;
        }
        progress.step(runId);
        FetchSession session = new FetchSession(
                settings.delayMillis(),
                settings.allowPrivateNetworks(),
                EffectiveSettings.howToAllowPrivateNetworks(source.id),
                secrets,
                () -> progress.step(runId));
        ErrorSink errors = ErrorSink.redacting(
                text -> secrets.mask(connector.redact(text)),
                (stage, url, recordId, message) -> ledger.error(runId, stage, url, recordId, message));
        exchange.getMessage()
                .setBody(new HarvestContext(
                        runId,
                        definition,
                        RecordStore.sha256(source.definition),
                        connector,
                        secrets,
                        session,
                        errors,
                        text -> secrets.mask(connector.redact(text)),
                        settings,
                        deadline,
                        store.activeCount(definition.id()),
                        new ListingPages(
                                connector, errors, deadline, config.harvest().maxListPages(), Integer.MAX_VALUE),
                        onlyAuthority(source, settings)));
    }

    /** The source's own agency when an agency wrote its mapping and it may not publish for others; else null. */
    private static String onlyAuthority(Source source, EffectiveSettings settings) {
        boolean agencyWrote = QuarkusTransaction.requiringNew()
                .call(() -> SourceVersion.mappingSetBy(source.id)
                        .map(version -> version.changedByAgency != null)
                        .orElse(false));
        return agencyWrote && !settings.publishesForOthers() ? source.agencyCode : null;
    }

    /**
     * The end of the listing. A cancelled run, or one whose listing could not be read at all, ends here, changing
     * nothing. Else the withdrawal rule: only a run that read its whole listing and every page it needed may withdraw,
     * and its 404/410s and misses are staged as steps toward withdrawals.
     */
    boolean settle(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        if (endedCancelled(run)) {
            return false;
        }
        RunCounts counts = run.counts();
        ListingPages listing = run.listing();
        boolean complete = listing.complete();
        if (listing.size() == 0 && !complete) {
            ledger.finish(run.runId(), counts, run.session(), false, RunStatus.FAILED, "the listing could not be read");
            return false;
        }
        if (complete && listing.size() == 0 && run.activeBefore() > 0) {
            run.errors()
                    .error(
                            Stage.GATHER,
                            run.connector().firstPage().url(),
                            null,
                            "the listing names no service at all while " + run.activeBefore()
                                    + " are published: taken for a broken listing, nothing is withdrawn");
            complete = false;
        }
        run.listingComplete(complete);
        String stopped = run.stoppedBecause();
        int errored = counts.get(Count.ERRORED);
        boolean mayWithdraw = stopped == null && complete && errored == 0;
        if (mayWithdraw) {
            counts.add(
                    Count.WITHDRAWN,
                    store.stageGone(run.runId(), run.goneIds(), config.harvest().withdrawAfterGone()));
            if (run.connector().completeListing()) {
                counts.add(
                        Count.WITHDRAWN,
                        store.stageMisses(
                                run.runId(),
                                run.sourceId(),
                                listing.listed(),
                                config.harvest().withdrawAfterMisses()));
            }
        }
        run.conclude(
                stopped != null ? RunStatus.FAILED : mayWithdraw ? RunStatus.SUCCEEDED : RunStatus.PARTIAL,
                stopped != null
                        ? stopped
                        : !complete
                                ? "listing incomplete: nothing was withdrawn"
                                : errored > 0 ? errored + " pages could not be fetched: nothing was withdrawn" : null);
        return true;
    }

    /**
     * Whether the run was cancelled, and so has ended here having changed nothing; a record that broke the run (the
     * database away) is thrown on, to {@link #aborted}, as if it had been thrown here.
     */
    boolean endedCancelled(HarvestContext run) {
        if (run.brokenBy() != null) {
            throw run.brokenBy();
        }
        if (!run.cancelled()) {
            return false;
        }
        changes.discard(run.runId());
        ledger.finish(run.runId(), run.counts(), run.session(), false, RunStatus.CANCELLED, run.stoppedBecause());
        return true;
    }

    /** Every record the run read as its source serves it, seen in one statement. */
    void recordSeen(Exchange exchange) {
        store.recordSeen(HarvestContext.of(exchange).seenIds(), Instant.now());
    }

    boolean notHeld(Exchange exchange) {
        return !HarvestContext.of(exchange).held();
    }

    /** The run's changes were applied: it ends as settled, but never as succeeded when not all of them were published. */
    void finish(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        String message = run.message();
        boolean published = run.allPublished();
        String said = published
                ? message
                : (message == null ? "" : message + "; ")
                        + "not every change reached Elasticsearch (see the publish errors)";
        ledger.finish(
                run.runId(),
                run.counts(),
                run.session(),
                run.listingComplete(),
                run.status() == RunStatus.SUCCEEDED && !published ? RunStatus.PARTIAL : run.status(),
                said);
    }

    /** The run may no longer change the catalogue (another instance closed it): its staged changes were dropped. */
    void fenced(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warnf(
                "run %d stopped without changing anything: %s",
                exchange.getProperty(RUN_ID, Long.class), cause.getMessage());
    }

    /** Something no stage expected: the run fails, and what it staged is discarded. */
    void aborted(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        long runId = exchange.getProperty(RUN_ID, Long.class);
        HarvestContext run = HarvestContext.of(exchange);
        LOG.errorf(cause, "run %d aborted", runId);
        if (cause instanceof ChangeSet.RunFencedException) {
            fenced(exchange);
            return;
        }
        String message = "run aborted, nothing was changed: " + cause.getMessage();
        if (run != null) {
            run.errors().error(Stage.GATHER, null, null, "run aborted: " + cause);
            message = run.mask(message);
        } else {
            ledger.error(runId, Stage.GATHER, null, null, "run aborted: " + cause);
        }
        changes.discard(runId);
        ledger.finish(
                runId,
                run == null ? new RunCounts() : run.counts(),
                run == null ? null : run.session(),
                false,
                RunStatus.FAILED,
                message);
    }
}
