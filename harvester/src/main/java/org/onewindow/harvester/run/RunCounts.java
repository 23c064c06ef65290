package org.onewindow.harvester.run;

import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.store.HarvestRun;

/** Counts of one run as it goes (one thread per run). */
final class RunCounts {

    int added;
    int updated;
    int unchanged;
    int withdrawn;
    /** Served by the source but not extracted, mapped or valid: never published, no obstacle to withdrawals. */
    int rejected;
    /** Listed, but the page answered 404/410. */
    int gone;
    /** Could not be fetched: the run cannot tell what the source holds, so it withdraws nothing. */
    int errored;

    int processed() {
        return added + updated + unchanged + rejected + gone + errored;
    }

    void copyTo(HarvestRun run, FetchSession session) {
        run.added = added;
        run.updated = updated;
        run.unchanged = unchanged;
        run.withdrawn = withdrawn;
        run.rejected = rejected;
        run.gone = gone;
        run.errored = errored;
        if (session != null) {
            run.requests = session.requests();
            run.bytesFetched = session.bytes();
            run.notModified = session.notModified();
        }
    }
}
