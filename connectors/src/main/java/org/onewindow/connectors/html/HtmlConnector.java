package org.onewindow.connectors.html;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.connectors.Urls;
import org.onewindow.mappings.model.RawRecord;

/**
 * HTML listing pages + record pages, the way eGovFrame sites are built: listing pages paged by a form or query
 * parameter, record links as {@code javascript:fn_view('…')} (see {@link HtmlListing}), label/value tables on
 * record pages read by CSS selectors with ordered fallbacks.
 */
public final class HtmlConnector implements SourceConnector {

    public static final String KIND = "html";

    private final HtmlSettings settings;
    private final HtmlListing listing;
    private final Map<String, List<Evaluator>> fieldSelectors;

    public HtmlConnector(String baseUrl, HtmlSettings settings) {
        this.settings = settings;
        this.listing = new HtmlListing(baseUrl, settings.list());
        Map<String, List<Evaluator>> fields = new LinkedHashMap<>();
        settings.fields().forEach((field, selectors) -> {
            if (selectors.isEmpty()) {
                throw new ConnectorConfigException("fields." + field + ": needs at least one selector");
            }
            fields.put(field, selectors.stream().map(s -> SettingChecks.selector("fields." + field, s)).toList());
        });
        this.fieldSelectors = Map.copyOf(fields);
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
        Document document = HtmlPages.parse(page);
        String text = document.text();
        String scripts = document.select("script").html();
        for (String marker : settings.softErrors()) {
            if (text.contains(marker) || scripts.contains(marker)) {
                return new ExtractResult.NotAContentPage("soft error page: '" + marker + "'");
            }
        }
        Map<String, List<String>> fields = new HashMap<>();
        boolean found = false;
        for (Map.Entry<String, List<Evaluator>> entry : fieldSelectors.entrySet()) {
            String field = entry.getKey();
            List<Evaluator> selectors = entry.getValue();
            for (Evaluator selector : selectors) {
                List<String> values = document.select(selector).stream()
                        .map(HtmlText::of)
                        .filter(v -> !v.isBlank())
                        .toList();
                if (!values.isEmpty()) {
                    fields.put(field, values);
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            return new ExtractResult.NotAContentPage("no configured field found on the page (malformed or unexpected markup)");
        }
        ref.listFields().forEach(fields::putIfAbsent); // what the listing said, where the page says nothing
        return new ExtractResult.Extracted(new RawRecord(ref.sourceRecordId(), Urls.stripSessionId(page.finalUrl()), fields));
    }
}
