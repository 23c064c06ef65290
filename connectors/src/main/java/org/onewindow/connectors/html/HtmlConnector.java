package org.onewindow.connectors.html;

import java.util.Optional;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;

/**
 * HTML listing pages + record pages, the way eGovFrame sites are built: listing pages paged by a form or query
 * parameter, record links as {@code javascript:fn_view('…')} (see {@link HtmlListing}), label/value tables on
 * record pages read by CSS selectors with ordered fallbacks.
 */
public final class HtmlConnector implements SourceConnector {

    public static final String KIND = "html";

    private final HtmlListing listing;
    private final HtmlRecordExtractor extractor;

    public HtmlConnector(String baseUrl, HtmlSettings settings) {
        this.listing = new HtmlListing(baseUrl, settings.list());
        this.extractor = new HtmlRecordExtractor(settings.fields(), settings.softErrors());
    }

    @Override
    public Optional<RecordRef> recordAt(String url) {
        return listing.recordAt(url);
    }

    @Override
    public String howRecordsAreFound() {
        return listing.howRecordsAreFound();
    }

    @Override
    public PageRequest firstPage() {
        return listing.firstPage();
    }

    @Override
    public GatherResult gather(FetchedPage page) {
        return listing.gather(page);
    }

    @Override
    public ExtractResult extract(RecordRef ref, FetchedPage page) {
        return extractor.extract(ref, page);
    }
}
