package org.onewindow.harvester.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.DaemonThreads;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.ChangeSet;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.StagedChange;

/**
 * Starts runs: one running run per source at a time, whatever the number of instances, executed in the background
 * with a heartbeat; a run held for review is superseded by the next run of its source.
 */
@ApplicationScoped
public class HarvestService {

    private static final Logger LOG = Logger.getLogger(HarvestService.class);

    /** The source has no such id. */
    public static class UnknownSourceException extends RuntimeException {
        public UnknownSourceException(String sourceId) {
            super("no source with id '" + sourceId + "'");
        }
    }

    /** The source is disabled: it takes no run until enabled again. */
    public static class DisabledSourceException extends RuntimeException {
        public DisabledSourceException(String sourceId) {
            super("source '" + sourceId + "' is disabled; enable it to harvest it");
        }
    }

    /** A run of the source is still going. */
    public static class AlreadyRunningException extends RuntimeException {
        public final long runningRunId;

        public AlreadyRunningException(String sourceId, long runningRunId) {
            super("source '" + sourceId + "' is already being harvested by run " + runningRunId);
            this.runningRunId = runningRunId;
        }
    }

    @Inject
    ProducerTemplate producer;

    @Inject
    RunLedger ledger;

    @Inject
    ChangeSet changes;

    @Inject
    AbandonedRuns abandoned;

    @Inject
    InstanceIdentity instance;

    @Inject
    HarvesterConfig config;

    @Inject
    RunProgress progress;

    @Inject
    SourceCatalog sources;

    @Inject
    PingedPages pinged;

    private final Set<Long> executing = ConcurrentHashMap.newKeySet();

    private ExecutorService runs;

    @PostConstruct
    void startRunThreads() {
        runs = Executors.newFixedThreadPool(
                Math.max(1, config.harvest().concurrentRuns()), DaemonThreads.named("harvest-run"));
    }

    /**
     * Says our runs are alive, and closes runs of instances that stopped saying so; every 10 s, on the in-memory
     * scheduler (each instance beats for its own runs).
     */
    @Scheduled(
            identity = "run-heartbeat",
            every = "10s",
            delayed = "10s",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watchRuns() {
        try {
            abandoned.heartbeat(progress.movedWithin(executing, sources.longestRecordTimeout()));
            abandoned.closeSilent(config.harvest().abandonAfter());
        } catch (RuntimeException e) {
            LOG.warnf("run heartbeat failed: %s", e.getMessage());
        }
    }

    public HarvestRun start(String sourceId, HarvestRun.Trigger trigger) {
        return start(
                sourceId,
                trigger,
                switch (trigger) {
                    case SCHEDULE -> "schedule";
                    case STARTUP -> "start-up";
                    case OPERATOR, PING -> null;
                });
    }

    /** @param requestedBy who asked for the run, kept with it */
    public HarvestRun start(String sourceId, HarvestRun.Trigger trigger, String requestedBy) {
        HarvestRun run = create(sourceId, trigger, requestedBy);
        execute(run.id, run.sourceId, HarvestRunRoute.ENDPOINT);
        return run;
    }

    /**
     * Starts a run of the source that reads these pages alone, through the same record pipeline and politeness; no
     * listing, so nothing is withdrawn for being missed, but a page that answers 404 or 410 counts as a run's does.
     *
     * @throws AlreadyRunningException while a run of the source goes (the pages then wait for it)
     */
    public HarvestRun startPing(String sourceId, List<RecordRef> pages, String requestedBy) {
        HarvestRun run = create(sourceId, HarvestRun.Trigger.PING, requestedBy);
        pinged.hold(run.id, pages);
        execute(run.id, run.sourceId, PingRunRoute.ENDPOINT);
        return run;
    }

    private void execute(long runId, String sourceId, String endpoint) {
        executing.add(runId);
        progress.waiting(runId);
        runs.execute(() -> {
            RunLogContext.enter(runId, sourceId);
            progress.step(runId);
            try {
                producer.sendBody(endpoint, runId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %d crashed", runId);
                changes.discard(runId);
                ledger.failIfRunning(runId, "run crashed, nothing was changed: " + e.getMessage());
            } finally {
                executing.remove(runId);
                progress.forget(runId);
                pinged.release(runId);
                RunLogContext.leave();
            }
        });
    }

    private HarvestRun create(String sourceId, HarvestRun.Trigger trigger, String requestedBy) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // shared lock: a deletion (which takes the row exclusively) and a new run never pass each other
                Source source = Source.findById(sourceId, LockModeType.PESSIMISTIC_READ);
                if (source == null || source.deleted()) {
                    throw new UnknownSourceException(sourceId);
                }
                if (!source.enabled) {
                    throw new DisabledSourceException(sourceId);
                }
                HarvestRun.runningFor(sourceId).ifPresent(running -> {
                    throw new AlreadyRunningException(sourceId, running.id);
                });
                HarvestRun run = new HarvestRun();
                run.sourceId = sourceId;
                run.status = RunStatus.RUNNING;
                run.triggeredBy = trigger;
                run.requestedBy = requestedBy;
                run.startedAt = Instant.now();
                run.owner = instance.name();
                run.heartbeatAt = run.startedAt;
                run.persistAndFlush();
                HarvestRun.heldFor(sourceId).ifPresent(held -> {
                    held.status = RunStatus.CANCELLED;
                    held.message = held.message + "; superseded by run " + run.id + " before review";
                    StagedChange.delete("runId", held.id);
                });
                return run;
            });
        } catch (PersistenceException raced) {
            // the partial unique index saw another instance start a run first
            long running = QuarkusTransaction.requiringNew()
                    .call(() -> HarvestRun.runningFor(sourceId).map(r -> r.id).orElse(-1L));
            throw new AlreadyRunningException(sourceId, running);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }
}
