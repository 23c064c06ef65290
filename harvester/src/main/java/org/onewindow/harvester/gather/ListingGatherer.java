package org.onewindow.harvester.gather;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.fetch.PageReader;
import org.onewindow.harvester.run.ErrorSink;
import org.onewindow.harvester.store.Stage;

/**
 * Reads the first records of a listing at once, for a dry-run: the same pages, rules and fetches as a run's
 * {@link GatherRoute}, collected instead of streamed into the record pipeline.
 */
@ApplicationScoped
public class ListingGatherer {

    /** The records found (in listing order) and whether every listing page was read. */
    public record Gathered(List<RecordRef> records, boolean complete, int pages) {}

    @Inject
    PageReader reader;

    @Inject
    HarvesterConfig config;

    /** @param maxRecords stop once this many records are known; the listing then counts as incomplete */
    public Gathered gather(
            SourceConnector connector, FetchSession session, Instant deadline, int maxRecords, ErrorSink errors) {
        ListingPages listing =
                new ListingPages(connector, errors, deadline, config.harvest().maxListPages(), maxRecords);
        List<RecordRef> records = new ArrayList<>();
        while (listing.hasNext()) {
            PageRequest next = listing.next();
            FetchedPage page = reader.read(next, session, Stage.GATHER, null, errors);
            if (page == null) {
                listing.stopNow();
                break;
            }
            records.addAll(listing.read(next, page));
        }
        return new Gathered(records, listing.complete(), listing.pages());
    }
}
