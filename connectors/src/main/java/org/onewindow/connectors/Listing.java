package org.onewindow.connectors;

/**
 * One reading of a source's listing, its pages handed over one after the other in the order the listing asked for
 * them ({@link SourceConnector#listing()}). Unlike a connector, a reading may remember the pages it has read.
 */
@FunctionalInterface
public interface Listing {

    /** Records on a fetched listing page and the next listing page, if any; or why the page cannot be read. */
    GatherResult gather(FetchedPage page);
}
