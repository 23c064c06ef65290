package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.notify.Notifier;
import org.onewindow.harvester.signals.HarvestMetrics;
import org.onewindow.harvester.store.HarvestError;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.Notification;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Stage;

/** Writes a run's progress as it happens: errors as rows, counts and status on the run. */
@ApplicationScoped
public class RunLedger {

    private static final Logger LOG = Logger.getLogger(RunLedger.class);

    @Inject
    HarvestMetrics metrics;

    @Inject
    Notifier notifier;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void error(long runId, Stage stage, String url, String recordId, String message) {
        LOG.warnf("run %d %s %s: %s", runId, stage, url == null ? "" : url, message);
        HarvestError error = new HarvestError();
        error.runId = runId;
        error.stage = stage;
        error.url = url;
        error.recordId = recordId;
        error.message = message.length() > 4000 ? message.substring(0, 4000) + "…" : message;
        error.createdAt = Instant.now();
        error.persist();
        metrics.error(stage);
    }

    /** Saves the counts so far; returns true when an operator asked the run to stop. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean progress(long runId, RunCounts counts, FetchSession session) {
        HarvestRun run = HarvestRun.findById(runId);
        counts.copyTo(run, session);
        return run.cancelRequested;
    }

    /** Whether an operator asked the run to stop. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean cancelRequested(long runId) {
        HarvestRun run = HarvestRun.findById(runId);
        return run != null && run.cancelRequested;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(
            long runId,
            RunCounts counts,
            FetchSession session,
            boolean gatherComplete,
            RunStatus status,
            String message) {
        HarvestRun run = HarvestRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run.status != RunStatus.RUNNING) { // closed meanwhile by another instance (abandoned): its word stands
            LOG.warnf(
                    "run %d of %s ended %s here, but was already closed as %s: %s",
                    runId, run.sourceId, status, run.status, run.message);
            return;
        }
        counts.copyTo(run, session);
        run.gatherComplete = gatherComplete;
        run.status = status;
        run.message = message;
        run.finishedAt = Instant.now();
        LOG.infof(
                "run %d of %s %s: added=%d updated=%d unchanged=%d withdrawn=%d rejected=%d gone=%d errored=%d requests=%d bytes=%d%s",
                runId,
                run.sourceId,
                status,
                run.added,
                run.updated,
                run.unchanged,
                run.withdrawn,
                run.rejected,
                run.gone,
                run.errored,
                run.requests,
                run.bytesFetched,
                message == null ? "" : " (" + message + ")");
        metrics.runEnded(run);
    }

    /** The run found more change than the source's review threshold allows: it waits for an operator. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void hold(
            long runId, RunCounts counts, FetchSession session, boolean gatherComplete, double share, String message) {
        HarvestRun run = HarvestRun.findById(runId);
        counts.copyTo(run, session);
        run.gatherComplete = gatherComplete;
        run.shareChanged = share;
        run.status = RunStatus.HELD;
        run.message = message;
        run.finishedAt = Instant.now();
        LOG.warnf("run %d of %s HELD for review: %s", runId, run.sourceId, message);
        metrics.runEnded(run);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("shareChanged", share);
        details.put("added", run.added);
        details.put("updated", run.updated);
        details.put("withdrawn", run.withdrawn);
        notifier.record(
                Notification.Event.RUN_HELD,
                run.sourceId,
                runId,
                "run " + runId + " of " + run.sourceId + ": " + message,
                details);
    }

    /** Closes a run that ended without finishing itself (a crash), so it never stays "running". */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failIfRunning(long runId, String message) {
        HarvestRun run = HarvestRun.findById(runId);
        if (run != null && run.status == RunStatus.RUNNING) {
            run.status = RunStatus.FAILED;
            run.message = message;
            run.finishedAt = Instant.now();
            metrics.runEnded(run);
        }
    }
}
