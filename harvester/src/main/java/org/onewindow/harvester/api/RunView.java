package org.onewindow.harvester.api;

import java.time.Instant;
import java.util.Locale;
import org.onewindow.harvester.store.HarvestRun;

/** A run as the operator API shows it. */
public record RunView(
        long id,
        String sourceId,
        String status,
        boolean gatherComplete,
        Counts counts,
        Cost cost,
        Double shareChanged,
        String owner,
        Instant startedAt,
        Instant finishedAt,
        String message,
        String requestedBy,
        String reviewedBy,
        Instant reviewedAt,
        String reviewReason,
        String cancelledBy) {

    /**
     * @param rejected served by the source but not extracted, mapped or valid (never published)
     * @param gone listed, but the page answered 404/410
     * @param errored could not be fetched (the run then withdraws nothing)
     * @param listed the records the listing (or the ping) named so far; a run's progress is the others' sum of these
     */
    public record Counts(
            int added, int updated, int unchanged, int withdrawn, int rejected, int gone, int errored, int listed) {
        static Counts of(HarvestRun run) {
            return new Counts(
                    run.added,
                    run.updated,
                    run.unchanged,
                    run.withdrawn,
                    run.rejected,
                    run.gone,
                    run.errored,
                    run.listed);
        }
    }

    /** What the run cost the agency site: requests made, body bytes received, pages that answered 304. */
    public record Cost(int requests, long bytes, int notModified) {
        static Cost of(HarvestRun run) {
            return new Cost(run.requests, run.bytesFetched, run.notModified);
        }
    }

    static RunView of(HarvestRun run) {
        return new RunView(
                run.id,
                run.sourceId,
                run.status.name().toLowerCase(Locale.ROOT),
                run.gatherComplete,
                Counts.of(run),
                Cost.of(run),
                run.shareChanged,
                run.owner,
                run.startedAt,
                run.finishedAt,
                run.message,
                run.requestedBy,
                run.reviewedBy,
                run.reviewedAt,
                run.reviewReason,
                run.cancelledBy);
    }
}
