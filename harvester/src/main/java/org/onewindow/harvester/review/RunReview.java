package org.onewindow.harvester.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.Locale;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.run.RunLedger;
import org.onewindow.harvester.store.ChangeSet;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Stage;

/** An operator's decisions on runs: approve or discard a held run's changes, or stop a running run. */
@ApplicationScoped
public class RunReview {

    /** The run is not in a state the decision applies to. */
    public static class WrongStateException extends RuntimeException {
        public WrongStateException(String message) {
            super(message);
        }
    }

    @Inject
    ChangeSet changes;

    @Inject
    CataloguePublisher publisher;

    @Inject
    RunLedger ledger;

    /** Applies and publishes a held run's changes. */
    public HarvestRun approve(long runId, String reviewer, String reason) {
        claim(runId, reviewer, reason);
        ChangeSet.Summary applied = changes.applyApproved(runId);
        String failure = null;
        try {
            failure = publisher.publishPending().failures().stream().findFirst().orElse(null);
        } catch (Exception e) {
            failure = "Elasticsearch unavailable, changes stay queued: " + e.getMessage();
        }
        if (failure != null) {
            ledger.error(runId, Stage.PUBLISH, null, null, failure);
        }
        final boolean published = failure == null;
        return QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = HarvestRun.findById(runId);
            run.status = run.errored == 0 && run.gatherComplete && published ? RunStatus.SUCCEEDED : RunStatus.PARTIAL;
            run.message = "approved by " + reviewer + ": " + applied.added() + " added, " + applied.updated()
                    + " updated, " + applied.withdrawn() + " withdrawn" + because(reason);
            return run;
        });
    }

    /** Drops a held run's changes: the catalogue stays as it was. */
    public HarvestRun discard(long runId, String reviewer, String reason) {
        claim(runId, reviewer, reason);
        changes.discard(runId);
        return QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = HarvestRun.findById(runId);
            run.status = RunStatus.CANCELLED;
            run.message =
                    "changes discarded by " + reviewer + " on review; the catalogue was not changed" + because(reason);
            return run;
        });
    }

    /** Asks a running run to stop at its next record; it then changes nothing. */
    public HarvestRun cancel(long runId, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = find(runId);
            if (run.status != RunStatus.RUNNING) {
                throw new WrongStateException(
                        "run " + runId + " is " + run.status.name().toLowerCase(Locale.ROOT) + ", not running");
            }
            run.cancelRequested = true;
            run.cancelledBy = by;
            return run;
        });
    }

    /** Marks the held run as being reviewed, so two reviewers cannot both decide. */
    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    }

    private void claim(long runId, String reviewer, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            HarvestRun run = find(runId);
            HarvestRun.getEntityManager().lock(run, LockModeType.PESSIMISTIC_WRITE);
            if (run.status != RunStatus.HELD || run.reviewedAt != null) {
                throw new WrongStateException(
                        "run " + runId + " is " + run.status.name().toLowerCase(Locale.ROOT) + ", not held for review");
            }
            run.reviewedBy = reviewer;
            run.reviewedAt = Instant.now();
            run.reviewReason = reason == null || reason.isBlank() ? null : reason.strip();
        });
    }

    private static HarvestRun find(long runId) {
        HarvestRun run = HarvestRun.findById(runId);
        if (run == null) {
            throw new NotFoundException("no run with id " + runId);
        }
        return run;
    }
}
