package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.StagedChange;

/**
 * Runs left "running" by a harvester that stopped mid-run are closed as failed, with their staged changes
 * discarded (the next run finds them again), never left running forever: at start-up the instance closes its own,
 * and every instance closes runs whose owner stopped sending heartbeats.
 */
@ApplicationScoped
public class AbandonedRuns {

    private static final Logger LOG = Logger.getLogger(AbandonedRuns.class);

    /** At start-up: runs this instance was executing when it stopped (and runs nobody owns). */
    @Transactional
    public int closeOwn(String owner) {
        return close(
                HarvestRun.list("status = ?1 and (owner = ?2 or owner is null)", RunStatus.RUNNING, owner),
                "abandoned: harvester " + owner + " stopped while this run was going");
    }

    /** Runs whose owner has not said it is alive for {@code silence}. */
    @Transactional
    public int closeSilent(Duration silence) {
        return close(
                HarvestRun.list(
                        "status = ?1 and heartbeatAt < ?2",
                        RunStatus.RUNNING,
                        Instant.now().minus(silence)),
                "abandoned: its harvester stopped sending heartbeats for more than " + silence.toSeconds() + " s");
    }

    private static int close(List<HarvestRun> runs, String message) {
        for (HarvestRun run : runs) {
            run.status = RunStatus.FAILED;
            run.finishedAt = Instant.now();
            run.message = message + (run.owner == null ? "" : " (owner " + run.owner + ")");
            StagedChange.delete("runId", run.id);
            LOG.warnf("run %d of %s closed as failed: %s", run.id, run.sourceId, run.message);
        }
        return runs.size();
    }

    /** The runs this instance executes are alive. */
    @Transactional
    public void heartbeat(Collection<Long> runIds) {
        if (!runIds.isEmpty()) {
            HarvestRun.update(
                    "heartbeatAt = ?1 where id in ?2 and status = ?3",
                    Instant.now(),
                    List.copyOf(runIds),
                    RunStatus.RUNNING);
        }
    }
}
