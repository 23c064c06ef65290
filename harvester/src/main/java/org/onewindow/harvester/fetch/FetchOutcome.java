package org.onewindow.harvester.fetch;

import org.onewindow.connectors.FetchedPage;

/** What fetching a page gave: the page (any status), or why no answer came (timeout, refused, reset…). */
public sealed interface FetchOutcome {

    /** @param location the Location header of a redirect, else null */
    record Fetched(FetchedPage page, String location) implements FetchOutcome {
        public Fetched(FetchedPage page) {
            this(page, null);
        }
    }

    record Failed(String url, String reason) implements FetchOutcome {
    }
}
