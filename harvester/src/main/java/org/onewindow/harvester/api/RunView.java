package org.onewindow.harvester.api;

import java.time.Instant;

import org.onewindow.harvester.store.HarvestRun;

/** A run as the operator API shows it. */
public record RunView(long id, String sourceId, String status, boolean gatherComplete, Counts counts,
        Instant startedAt, Instant finishedAt, String message) {

    public record Counts(int added, int updated, int unchanged, int withdrawn, int errored) {
        static Counts of(HarvestRun run) {
            return new Counts(run.added, run.updated, run.unchanged, run.withdrawn, run.errored);
        }
    }

    static RunView of(HarvestRun run) {
        return new RunView(run.id, run.sourceId, run.status.name().toLowerCase(), run.gatherComplete, Counts.of(run),
                run.startedAt, run.finishedAt, run.message);
    }
}
