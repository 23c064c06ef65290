package org.onewindow.harvester.run;

import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.harvester.fetch.FetchOutcome;
import org.onewindow.harvester.fetch.PageFetcher;
import org.onewindow.harvester.fetch.Politeness;
import org.onewindow.harvester.store.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Fetches a page in turn (politeness) and hands it on only if the site answered 2xx; otherwise reports why not. */
@ApplicationScoped
public class PageReader {

    @Inject
    PageFetcher fetcher;

    public FetchedPage read(PageRequest request, Politeness politeness, Stage stage, String recordId, ErrorSink errors) {
        politeness.awaitTurn();
        FetchOutcome outcome = fetcher.fetch(request);
        if (outcome instanceof FetchOutcome.Failed failed) {
            errors.error(stage, request.url(), recordId, failed.reason().startsWith("refused") ? failed.reason() : "no answer: " + failed.reason());
            return null;
        }
        FetchedPage page = ((FetchOutcome.Fetched) outcome).page();
        if (page.status() < 200 || page.status() >= 300) {
            errors.error(stage, request.url(), recordId, "HTTP " + page.status());
            return null;
        }
        return page;
    }
}
