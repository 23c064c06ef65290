package org.onewindow.harvester.fetch;

import org.onewindow.connectors.FetchedPage;

/** What fetching a page gave: the page (any status), or why no answer came (timeout, refused, reset…). */
public sealed interface FetchOutcome {

    record Fetched(FetchedPage page) implements FetchOutcome {
    }

    record Failed(String url, String reason) implements FetchOutcome {
    }
}
