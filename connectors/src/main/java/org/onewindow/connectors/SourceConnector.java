package org.onewindow.connectors;

/**
 * One kind of source, without I/O: the harvester fetches what {@link #firstPage()} and {@link #gather} ask for
 * and hands the bytes back. Implementations are immutable and safe to share between threads.
 */
public interface SourceConnector {

    /** The first listing request of a harvest. */
    PageRequest firstPage();

    /** Records on a fetched listing page and the next listing page, if any. */
    GatherResult gather(FetchedPage page);

    /** Raw fields of one fetched record page. */
    ExtractResult extract(RecordRef ref, FetchedPage page);
}
