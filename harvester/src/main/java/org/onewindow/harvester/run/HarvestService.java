package org.onewindow.harvester.run;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/** Starts runs: one running run per source at a time, executed in the background. */
@ApplicationScoped
public class HarvestService {

    private static final Logger LOG = Logger.getLogger(HarvestService.class);

    /** The source has no such id. */
    public static class UnknownSourceException extends RuntimeException {
        public UnknownSourceException(String sourceId) {
            super("no source with id '" + sourceId + "'");
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

    private final ExecutorService runs = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "harvest-run");
        thread.setDaemon(true);
        return thread;
    });

    public HarvestRun start(String sourceId, HarvestRun.Trigger trigger) {
        HarvestRun run = create(sourceId, trigger);
        long runId = run.id;
        runs.execute(() -> {
            try {
                producer.sendBody(HarvestRoute.ENDPOINT, runId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %d crashed", runId);
                ledger.failIfRunning(runId, "run crashed: " + e.getMessage());
            }
        });
        return run;
    }

    private HarvestRun create(String sourceId, HarvestRun.Trigger trigger) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (Source.findById(sourceId) == null) {
                    throw new UnknownSourceException(sourceId);
                }
                HarvestRun.runningFor(sourceId).ifPresent(running -> {
                    throw new AlreadyRunningException(sourceId, running.id);
                });
                HarvestRun run = new HarvestRun();
                run.sourceId = sourceId;
                run.status = RunStatus.RUNNING;
                run.triggeredBy = trigger;
                run.startedAt = Instant.now();
                run.persistAndFlush();
                return run;
            });
        } catch (PersistenceException raced) {
            // the partial unique index saw another instance start a run first
            long running = QuarkusTransaction.requiringNew().call(() -> HarvestRun.runningFor(sourceId).map(r -> r.id).orElse(-1L));
            throw new AlreadyRunningException(sourceId, running);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }
}
