package org.onewindow.harvester.store;

/** Where a harvest run stands. */
public enum RunStatus {
    RUNNING,
    /** Everything gathered, fetched and published without an error. */
    SUCCEEDED,
    /** Finished with errors on some records or an incomplete listing; nothing was withdrawn on an incomplete one. */
    PARTIAL,
    /** Nothing usable: the listing could not be read, the source is misconfigured, or the run was stopped. */
    FAILED,
    /** Would change more than the review threshold of the source's services: waits for an operator to approve or discard. */
    HELD,
    /** Stopped by an operator, or its held changes discarded or superseded: it changed nothing. */
    CANCELLED
}
