package org.onewindow.harvester.run;

import java.time.Instant;

import org.jboss.logging.Logger;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Runs left "running" by a harvester that stopped mid-run are closed as failed, never left running forever. */
@ApplicationScoped
public class AbandonedRuns {

    private static final Logger LOG = Logger.getLogger(AbandonedRuns.class);

    @Transactional
    public int closeAll() {
        int closed = HarvestRun.update("status = ?1, finishedAt = ?2, message = ?3 where status = ?4",
                RunStatus.FAILED, Instant.now(), "abandoned: the harvester stopped while this run was going", RunStatus.RUNNING);
        if (closed > 0) {
            LOG.warnf("closed %d abandoned run(s) as failed", closed);
        }
        return closed;
    }
}
