package org.onewindow.harvester.run;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.store.HarvestRun;

/** Counts of one run as it goes; the routes of its records add to them. */
public final class RunCounts {

    /** What became of a record, or of a run's step toward withdrawals. */
    public enum Count {
        ADDED,
        UPDATED,
        UNCHANGED,
        WITHDRAWN,
        /** Served by the source but not extracted, mapped or valid: never published, no obstacle to withdrawals. */
        REJECTED,
        /** Listed, but the page answered 404/410. */
        GONE,
        /** Could not be fetched: the run cannot tell what the source holds, so it withdraws nothing. */
        ERRORED
    }

    private final AtomicIntegerArray counts = new AtomicIntegerArray(Count.values().length);
    private volatile int listed;

    /** How many records the listing (or a ping) has named so far: what the run's progress is measured against. */
    public void listed(int records) {
        listed = records;
    }

    public int listed() {
        return listed;
    }

    public void add(Count count) {
        add(count, 1);
    }

    public void add(Count count, int howMany) {
        counts.addAndGet(count.ordinal(), howMany);
    }

    public int get(Count count) {
        return counts.get(count.ordinal());
    }

    /** Records done, whatever became of them. */
    public int processed() {
        return get(Count.ADDED)
                + get(Count.UPDATED)
                + get(Count.UNCHANGED)
                + get(Count.REJECTED)
                + get(Count.GONE)
                + get(Count.ERRORED);
    }

    void copyTo(HarvestRun run, FetchSession session) {
        run.added = get(Count.ADDED);
        run.updated = get(Count.UPDATED);
        run.unchanged = get(Count.UNCHANGED);
        run.withdrawn = get(Count.WITHDRAWN);
        run.rejected = get(Count.REJECTED);
        run.gone = get(Count.GONE);
        run.errored = get(Count.ERRORED);
        run.listed = listed;
        if (session != null) {
            run.requests = session.requests();
            run.bytesFetched = session.bytes();
            run.notModified = session.notModified();
        }
    }
}
