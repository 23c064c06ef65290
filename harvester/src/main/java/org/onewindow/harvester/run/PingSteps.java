package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.Exchange;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.run.RunCounts.Count;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.RunStatus;

/** The steps of a ping run that differ from a harvest's: its pages instead of a listing, and how it settles. */
@ApplicationScoped
public class PingSteps {

    @Inject
    PingedPages pinged;

    @Inject
    RecordStore store;

    @Inject
    RunSteps steps;

    @Inject
    HarvesterConfig config;

    /** The run's pages, with what the record of truth holds of them read in one query. */
    void pages(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        List<RecordRef> pages = pinged.of(run.runId());
        run.counts().listed(pages.size());
        run.knownOnPage(store.known(
                run.sourceId(), pages.stream().map(RecordRef::sourceRecordId).toList()));
        exchange.getMessage().setBody(pages);
    }

    /**
     * A cancelled run ends here, changing nothing. Else the pages that answered 404 or 410 take a step toward
     * withdrawal, as in a harvest; nothing is missed, there being no listing.
     */
    boolean settle(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        if (steps.endedCancelled(run)) {
            return false;
        }
        RunCounts counts = run.counts();
        String stopped = run.stoppedBecause();
        if (stopped == null) {
            counts.add(
                    Count.WITHDRAWN,
                    store.stageGone(run.runId(), run.goneIds(), config.harvest().withdrawAfterGone()));
        }
        int errored = counts.get(Count.ERRORED);
        int pages = pinged.of(run.runId()).size();
        run.conclude(
                stopped != null ? RunStatus.FAILED : errored > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED,
                stopped != null
                        ? stopped
                        : "read " + pages + (pages == 1 ? " pinged page" : " pinged pages")
                                + (errored > 0 ? "; " + errored + " could not be fetched" : ""));
        return true;
    }
}
