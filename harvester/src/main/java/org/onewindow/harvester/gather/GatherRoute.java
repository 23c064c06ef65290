package org.onewindow.harvester.gather;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.fetch.FetchOutcome;
import org.onewindow.harvester.fetch.FetchRequest;
import org.onewindow.harvester.fetch.FetchRoute;
import org.onewindow.harvester.fetch.PageReader;
import org.onewindow.harvester.fetch.Validators;
import org.onewindow.harvester.run.HarvestContext;
import org.onewindow.harvester.run.RecordRoute;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.Stage;

/**
 * A run's listing, page by page through the fetch route; each page's new records streamed into the record route as
 * the page is read, so a run never holds its listing, with what the record of truth holds of them looked up for the
 * whole page in one query. A page that cannot be read ends the listing, incomplete.
 */
@ApplicationScoped
public class GatherRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:gather";
    private static final String PAGE = "onewindow.listing-page";

    @Inject
    RecordStore store;

    @Override
    public void configure() {
        // spotless:off: a route reads as its nesting
        errorHandler(noErrorHandler()); // what fails here is the calling route's to handle (and to log)

        from(ENDPOINT).routeId("gather")
                .loopDoWhile(this::morePages)
                    .process(this::nextPage)
                    .to(FetchRoute.ENDPOINT)
                    .process(this::records)
                    .split(body()).streaming()
                        .to(RecordRoute.ENDPOINT)
                    .end()
                .end();
        // spotless:on
    }

    private boolean morePages(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        return !run.stopped() && run.listing().hasNext();
    }

    private void nextPage(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        PageRequest page = run.listing().next();
        exchange.setProperty(PAGE, page);
        exchange.getMessage().setBody(new FetchRequest(page, Validators.NONE, run.session()));
    }

    /** The records the page names that no earlier page named (none when it could not be read: reported). */
    private void records(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        PageRequest request = exchange.getProperty(PAGE, PageRequest.class);
        PageReader.Read read = PageReader.of(exchange.getMessage().getBody(FetchOutcome.class), Validators.NONE);
        List<RecordRef> records = List.of();
        if (read instanceof PageReader.Page page) {
            records = run.listing().read(request, page.page());
            run.counts().listed(run.listing().size());
            run.knownOnPage(store.known(
                    run.sourceId(),
                    records.stream().map(RecordRef::sourceRecordId).toList()));
        } else {
            run.errors()
                    .error(
                            Stage.GATHER,
                            request.url(),
                            null,
                            read instanceof PageReader.Gone gone
                                    ? gone.message()
                                    : ((PageReader.Failed) read).message());
            run.listing().stopNow();
        }
        exchange.getMessage().setBody(records);
    }
}
