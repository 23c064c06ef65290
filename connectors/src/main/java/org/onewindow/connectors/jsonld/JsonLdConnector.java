package org.onewindow.connectors.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.connectors.Urls;
import org.onewindow.connectors.html.HtmlListing;
import org.onewindow.connectors.html.HtmlPages;
import org.onewindow.connectors.json.JsonDocuments;
import org.onewindow.mappings.model.RawRecord;

/**
 * HTML listing pages (as the {@code html} kind reads them) whose record pages embed schema.org JSON-LD
 * ({@code <script type="application/ld+json">}) describing a {@code GovernmentService} or {@code Service}; the
 * service is flattened into raw fields (see {@link ServiceFields}). Blocks that are not JSON are skipped when
 * another block holds the service.
 */
public final class JsonLdConnector implements SourceConnector {

    public static final String KIND = "jsonld";

    private final HtmlListing listing;

    public JsonLdConnector(String baseUrl, JsonLdSettings settings) {
        this.listing = new HtmlListing(baseUrl, settings.list());
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
        Document document = HtmlPages.parse(page);
        List<Element> scripts = document.select("script[type]").stream()
                .filter(script ->
                        script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json"))
                .toList();
        if (scripts.isEmpty()) {
            return new ExtractResult.NotAContentPage("no JSON-LD block on the page");
        }
        List<JsonNode> blocks = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            try {
                blocks.add(JsonDocuments.parse(unwrapped(scripts.get(i).data())));
            } catch (IllegalArgumentException e) {
                broken.add("JSON-LD block is not JSON (block " + (i + 1) + " of " + scripts.size() + ": "
                        + e.getMessage().replaceFirst("^not (valid )?JSON: ", "") + ")");
            }
        }
        Graph graph = new Graph(blocks);
        Optional<JsonNode> service = graph.service();
        if (service.isEmpty()) {
            List<String> reasons = new ArrayList<>(broken);
            if (!blocks.isEmpty()) {
                reasons.add("no schema.org GovernmentService or Service in the page's JSON-LD (types found: "
                        + (graph.types().isEmpty() ? "none" : String.join(", ", graph.types())) + ")");
            }
            return new ExtractResult.NotAContentPage(String.join("; ", reasons));
        }
        Map<String, List<String>> fields = new LinkedHashMap<>(ServiceFields.of(service.get(), graph));
        if (fields.isEmpty()) {
            return new ExtractResult.NotAContentPage(
                    "the page's schema.org service has no name, description or other field read");
        }
        ref.listFields().forEach(fields::putIfAbsent);
        return new ExtractResult.Extracted(
                new RawRecord(ref.sourceRecordId(), Urls.stripSessionId(page.finalUrl()), fields));
    }

    /** Script text without the comment or CDATA wrapper old pages put around it. */
    private static String unwrapped(String script) {
        return script.strip()
                .replaceFirst("^(<!--|(//\\s*)?<!\\[CDATA\\[)", "")
                .replaceFirst("(-->|(//\\s*)?]]>)$", "");
    }
}
