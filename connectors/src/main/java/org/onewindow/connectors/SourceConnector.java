package org.onewindow.connectors;

import java.util.Optional;

/**
 * One kind of source, without I/O: the harvester fetches what {@link #firstPage()} and {@link #gather} ask for
 * and hands the bytes back. Implementations are immutable and safe to share between threads. Whatever the bytes,
 * no exception comes out of {@link #gather} or {@link #extract}: an unreadable listing page is
 * {@link GatherResult#unreadable}, an unreadable record page {@link ExtractResult.NotAContentPage}.
 */
public interface SourceConnector {

    /** The first listing request of a harvest. */
    PageRequest firstPage();

    /** Records on a fetched listing page and the next listing page, if any; or why the page cannot be read. */
    GatherResult gather(FetchedPage page);

    /**
     * A new reading of the listing, for one harvest or dry-run. Most connectors read each listing page on its own (this
     * default, {@link #gather}); one whose records are spread over several listing pages (a CPSV-AP catalogue of
     * several documents) keeps what it has read in the reading and names its records once it has read every page.
     */
    default Listing listing() {
        return this::gather;
    }

    /**
     * Raw fields of one record: from its fetched page merged with what the listing gave, or from the listing
     * alone when {@link RecordRef#needsFetch()} is false ({@code page} is then null).
     */
    ExtractResult extract(RecordRef ref, FetchedPage page);

    /**
     * The record a page URL is, when that page alone gives the whole record as a harvest reads it (no field from the
     * listing, a plain GET): how a push ("this page changed") is read without the listing. Empty when the URL is no
     * record page of this source, or the source's records need their listing (an API's list fields, a feed's items, a
     * catalogue document).
     */
    default Optional<RecordRef> recordAt(String url) {
        return Optional.empty();
    }

    /** The settings that find records on a listing page, named as in the mapping file (for a listing that names none). */
    default String howRecordsAreFound() {
        return "the connector's listing settings";
    }

    /**
     * Whether reading every listing page sees every record of the source. Feeds only announce recent changes:
     * records that scroll off a feed are not withdrawn.
     */
    default boolean completeListing() {
        return true;
    }

    /**
     * The text (a request URL, a message) fit to log or store: secrets this connector puts into requests, such as
     * an API key in the query, are masked.
     */
    default String redact(String text) {
        return text;
    }
}
