package org.onewindow.connectors.html;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.Urls;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;

/**
 * Raw fields of a record page by CSS selectors (per field, tried in order; the first that yields text wins),
 * after recognising soft-error pages (a 200 page saying the record does not exist, or a maintenance notice). Each
 * field comes as plain text (lines kept) and, under {@code <field>#html}, as sanitised HTML for display.
 */
public final class HtmlRecordExtractor {

    private final List<String> softErrors;
    private final Map<String, List<Evaluator>> fieldSelectors;

    public HtmlRecordExtractor(Map<String, List<String>> fields, List<String> softErrors) {
        this.softErrors = softErrors == null ? List.of() : List.copyOf(softErrors);
        Map<String, List<Evaluator>> selectors = new LinkedHashMap<>();
        fields.forEach((field, css) -> {
            if (css.isEmpty()) {
                throw new ConnectorConfigException("fields." + field + ": needs at least one selector");
            }
            selectors.put(
                    field,
                    css.stream()
                            .map(s -> SettingChecks.selector("fields." + field, s))
                            .toList());
        });
        this.fieldSelectors = Map.copyOf(selectors);
    }

    public ExtractResult extract(RecordRef ref, FetchedPage page) {
        Document document = HtmlPages.parse(page);
        String text = document.text();
        String scripts = document.select("script").html();
        for (String marker : softErrors) {
            if (text.contains(marker) || scripts.contains(marker)) {
                return new ExtractResult.NotAContentPage("soft error page: '" + marker + "'");
            }
        }
        Map<String, List<String>> fields = new HashMap<>();
        for (Map.Entry<String, List<Evaluator>> entry : fieldSelectors.entrySet()) {
            for (Evaluator selector : entry.getValue()) {
                List<Element> elements = document.select(selector).stream()
                        .filter(e -> !HtmlText.of(e).isBlank())
                        .toList();
                if (!elements.isEmpty()) {
                    fields.put(
                            entry.getKey(), elements.stream().map(HtmlText::of).toList());
                    fields.put(
                            entry.getKey() + ServiceRecord.HTML_SUFFIX,
                            elements.stream()
                                    .map(e -> HtmlSanitizer.contentOf(e, page.finalUrl()))
                                    .toList());
                    break;
                }
            }
        }
        if (fields.isEmpty()) {
            return new ExtractResult.NotAContentPage(
                    "no configured field found on the page (malformed or unexpected markup)");
        }
        ref.listFields().forEach(fields::putIfAbsent); // what the listing said, where the page says nothing
        return new ExtractResult.Extracted(
                new RawRecord(ref.sourceRecordId(), Urls.stripSessionId(page.finalUrl()), fields));
    }
}
