package org.onewindow.harvester.gather;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.Listing;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.run.ErrorSink;
import org.onewindow.harvester.store.Stage;

/**
 * One reading of a source's listing, page by page: which page comes next, the records each page names that no
 * earlier page named, and whether the whole listing was read. Guards against pagination loops, endless listings
 * and the run's time budget; only the source's record ids are kept, never the records themselves.
 */
public final class ListingPages {

    private final Listing reading;
    private final ErrorSink errors;
    private final Instant deadline;
    private final int maxPages;
    private final int maxRecords;
    private final Deque<PageRequest> toRead = new ArrayDeque<>();
    private final Set<String> seenPages = new HashSet<>();
    private final Set<String> listed = new HashSet<>();
    private int pages;
    private boolean broken;

    /** @param maxRecords stop once this many records are known (a dry-run); the listing then counts as incomplete */
    public ListingPages(SourceConnector connector, ErrorSink errors, Instant deadline, int maxPages, int maxRecords) {
        this.reading = connector.listing();
        this.errors = errors;
        this.deadline = deadline;
        this.maxPages = maxPages;
        this.maxRecords = maxRecords;
        toRead.add(connector.firstPage());
    }

    /**
     * Whether another page is to be read; false at the end of the listing, and when the next page may not be read (a
     * loop, too many pages, the time budget spent, enough records), which is reported and leaves the listing incomplete.
     */
    public synchronized boolean hasNext() {
        if (broken || toRead.isEmpty()) {
            return false;
        }
        PageRequest next = toRead.peekFirst();
        if (listed.size() >= maxRecords) {
            return stop();
        }
        if (seenPages.contains(next.key())) {
            errors.error(Stage.GATHER, next.url(), null, "pagination loop: page requested twice (" + next.key() + ")");
            return stop();
        }
        if (pages >= maxPages) {
            errors.error(Stage.GATHER, next.url(), null, "more than " + maxPages + " listing pages");
            return stop();
        }
        if (Instant.now().isAfter(deadline)) {
            errors.error(Stage.GATHER, next.url(), null, "time budget exceeded while gathering");
            return stop();
        }
        return true;
    }

    /** The next page to read; only after {@link #hasNext()} said there is one. */
    public synchronized PageRequest next() {
        PageRequest next = toRead.removeFirst();
        seenPages.add(next.key());
        pages++;
        return next;
    }

    /**
     * The records a listing page names that no earlier page named; the pages it links to are queued. An unreadable page
     * is reported and ends the listing, incomplete.
     */
    public List<RecordRef> read(PageRequest request, FetchedPage page) {
        GatherResult result;
        try {
            result = reading.gather(page);
        } catch (RuntimeException e) { // defence: connectors report unreadable pages as a result, never by throwing
            result = GatherResult.unreadable(e.getMessage());
        }
        if (result.failure().isPresent()) {
            errors.error(
                    Stage.GATHER,
                    request.url(),
                    null,
                    "unreadable listing page: " + result.failure().get());
            stopNow();
            return List.of();
        }
        List<RecordRef> fresh = new ArrayList<>();
        synchronized (this) {
            for (RecordRef ref : result.records()) {
                if (listed.size() < maxRecords && listed.add(ref.sourceRecordId())) {
                    fresh.add(ref);
                }
            }
            result.next().ifPresent(toRead::addFirst);
            toRead.addAll(result.alsoRead());
        }
        return fresh;
    }

    /** The listing cannot be read further (a page could not be fetched, reported by the caller); it stays incomplete. */
    public synchronized void stopNow() {
        broken = true;
    }

    /** Every listing page was read. */
    public synchronized boolean complete() {
        return !broken && toRead.isEmpty();
    }

    /** The source's ids of every record the listing named so far. */
    public synchronized Set<String> listed() {
        return Set.copyOf(listed);
    }

    public synchronized int size() {
        return listed.size();
    }

    public synchronized int pages() {
        return pages;
    }

    private boolean stop() {
        broken = true;
        return false;
    }
}
