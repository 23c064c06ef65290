package org.onewindow.connectors.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.connectors.Urls;
import org.onewindow.connectors.charset.Charsets;
import org.onewindow.connectors.html.HtmlPages;
import org.onewindow.mappings.model.RawRecord;

/**
 * An RSS 2.0 or Atom feed announcing new and changed services: each item is a record (its fields travel with its
 * reference), optionally with the page it links to fetched for that page's title. A feed only shows recent items,
 * so it is never a complete listing.
 */
public final class FeedConnector implements SourceConnector {

    public static final String KIND = "feed";
    /** Reserved list field carrying why an item cannot be a record; its extraction then reports it. */
    public static final String PROBLEM_FIELD = "_problem";

    private final FeedSettings settings;
    private final String feedUrl;

    public FeedConnector(String baseUrl, FeedSettings settings) {
        if (Urls.absoluteHttp(baseUrl, "/") == null) {
            throw new ConnectorConfigException("baseUrl must be an absolute http(s) URL, got '" + baseUrl + "'");
        }
        this.settings = settings;
        this.feedUrl = Urls.absoluteHttp(baseUrl, settings.path());
        if (feedUrl == null) {
            throw new ConnectorConfigException("path does not make an http(s) URL: '" + settings.path() + "'");
        }
    }

    @Override
    public PageRequest firstPage() {
        return PageRequest.get(feedUrl);
    }

    /** Unreadable when the feed is not well-formed XML, or not RSS 2.0 or Atom. */
    @Override
    public GatherResult gather(FetchedPage page) {
        List<FeedItem> items;
        try {
            items = FeedReader.items(
                    SafeXml.parse(Charsets.decodeXml(page.body(), page.contentType())), page.finalUrl());
        } catch (IllegalArgumentException e) {
            return GatherResult.unreadable("feed: " + e.getMessage());
        }
        List<RecordRef> refs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            RecordRef ref = ref(items.get(i), i + 1);
            if (seen.add(ref.sourceRecordId())) { // an item announced twice: the first (newest) wins
                refs.add(ref);
            }
        }
        return new GatherResult(refs, Optional.empty());
    }

    private RecordRef ref(FeedItem item, int position) {
        Map<String, List<String>> fields = new LinkedHashMap<>(item.fields());
        String id = item.id();
        String problem = item.problem();
        if (id == null || id.isBlank()) {
            id = "feed-item-" + position;
            problem = problem != null ? problem : "feed item " + position + " has no guid, id or link";
        }
        if (problem != null) {
            fields.put(PROBLEM_FIELD, List.of(problem));
        }
        boolean fetch = settings.fetchItemPages() && item.link() != null && problem == null;
        return new RecordRef(id, fetch ? PageRequest.get(item.link()) : null, fields);
    }

    @Override
    public ExtractResult extract(RecordRef ref, FetchedPage page) {
        List<String> problem = ref.listFields().get(PROBLEM_FIELD);
        if (problem != null) {
            return new ExtractResult.NotAContentPage(String.join("; ", problem));
        }
        Map<String, List<String>> fields = new LinkedHashMap<>(ref.listFields());
        if (page != null) {
            String title = HtmlPages.parse(page).title().strip();
            if (!title.isEmpty()) {
                fields.put("pageTitle", List.of(title));
            }
        }
        if (fields.isEmpty()) {
            return new ExtractResult.NotAContentPage("feed item " + ref.sourceRecordId() + " has no field");
        }
        List<String> link = fields.get("link");
        String url = link != null ? link.get(0) : page != null ? Urls.stripSessionId(page.finalUrl()) : null;
        return new ExtractResult.Extracted(new RawRecord(ref.sourceRecordId(), url, fields));
    }

    @Override
    public boolean completeListing() {
        return false;
    }
}
