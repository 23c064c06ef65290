package org.onewindow.harvester.run;

import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.store.HarvestRun;

/** Counts of one run as it goes (one thread per run). */
final class RunCounts {

    int added;
    int updated;
    int unchanged;
    int withdrawn;
    int errored;

    int processed() {
        return added + updated + unchanged + errored;
    }

    void copyTo(HarvestRun run, FetchSession session) {
        run.added = added;
        run.updated = updated;
        run.unchanged = unchanged;
        run.withdrawn = withdrawn;
        run.errored = errored;
        if (session != null) {
            run.requests = session.requests();
            run.bytesFetched = session.bytes();
            run.notModified = session.notModified();
        }
    }
}
