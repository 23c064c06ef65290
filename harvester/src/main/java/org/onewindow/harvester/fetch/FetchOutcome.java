package org.onewindow.harvester.fetch;

import org.onewindow.connectors.FetchedPage;

/** What fetching a page gave: the page (any status), or why no usable answer came. */
public sealed interface FetchOutcome {

    /**
     * @param location the Location header of a redirect, else null
     * @param validators the page's ETag / Last-Modified, to send back next time
     * @param retryAfter the Retry-After header (429, 503), else null
     */
    record Fetched(FetchedPage page, String location, Validators validators, String retryAfter)
            implements FetchOutcome {}

    /** @param retryable a transient failure (timeout, reset, cut-off body) that another attempt may overcome */
    record Failed(String url, String reason, boolean retryable) implements FetchOutcome {}
}
