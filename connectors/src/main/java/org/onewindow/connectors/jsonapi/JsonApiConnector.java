package org.onewindow.connectors.jsonapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.connectors.Urls;
import org.onewindow.connectors.charset.Charsets;
import org.onewindow.connectors.json.JsonDocuments;
import org.onewindow.mappings.model.RawRecord;

/**
 * A paged JSON API shaped like Korea's public service API (정부24 공공서비스, {@code api.odcloud.kr}): list pages of
 * {@code perPage} records until {@code page × perPage ≥ totalCount}; each list entry's scalar fields travel with
 * its reference (the list carries fields the detail lacks, e.g. 조회수) and a detail request fetches the rest.
 * Multi-values such as {@code 서류1||서류2} stay one string: splitting is the mapping's job. The API key, when one is
 * configured, is sent as a query parameter and masked everywhere else ({@link #redact}).
 */
public final class JsonApiConnector implements SourceConnector {

    public static final String KIND = "json-api";

    private final String baseUrl;
    private final JsonApiSettings settings;
    private final ApiKey apiKey;
    private final JsonPointer items;
    private final JsonPointer totalCount;
    private final JsonPointer id;
    private final JsonPointer detailItems;

    public JsonApiConnector(String baseUrl, JsonApiSettings settings) {
        this(baseUrl, settings, System::getenv);
    }

    /** @param env reads an environment variable (the API key); tests pass their own */
    public JsonApiConnector(String baseUrl, JsonApiSettings settings, Function<String, String> env) {
        if (Urls.absoluteHttp(baseUrl, "/") == null) {
            throw new ConnectorConfigException("baseUrl must be an absolute http(s) URL, got '" + baseUrl + "'");
        }
        this.baseUrl = baseUrl;
        this.settings = settings;
        try {
            this.items = JsonDocuments.pointer("itemsPointer", settings.itemsPointer());
            this.totalCount = JsonDocuments.pointer("totalCountPointer", settings.totalCountPointer());
            this.id = JsonDocuments.pointer("idPointer", settings.idPointer());
            this.detailItems = JsonDocuments.pointer("detailItemsPointer", settings.detailItemsPointer());
        } catch (IllegalArgumentException e) {
            throw new ConnectorConfigException(e.getMessage(), e);
        }
        if (settings.perPage() < 1) {
            throw new ConnectorConfigException("perPage must be at least 1, got " + settings.perPage());
        }
        if (settings.detailPath() != null && !settings.detailPath().contains("{id}")) {
            throw new ConnectorConfigException(
                    "detailPath needs {id} where the record id goes, got '" + settings.detailPath() + "'");
        }
        if (settings.recordUrl() != null && !settings.recordUrl().contains("{id}")) {
            throw new ConnectorConfigException(
                    "recordUrl needs {id} where the record id goes, got '" + settings.recordUrl() + "'");
        }
        if (settings.detailPath() == null && settings.recordUrl() == null) {
            throw new ConnectorConfigException(
                    "recordUrl is needed when there is no detailPath: a record must have a URL");
        }
        this.apiKey = ApiKey.from(settings.apiKey(), env);
        if (ApiUrls.build(baseUrl, settings.listPath(), null, Map.of()) == null) {
            throw new ConnectorConfigException("listPath does not make an http(s) URL: '" + settings.listPath() + "'");
        }
    }

    @Override
    public String howRecordsAreFound() {
        return "itemsPointer '" + (settings.itemsPointer() == null ? "/data" : settings.itemsPointer())
                + "' with idPointer '" + settings.idPointer() + "'";
    }

    @Override
    public PageRequest firstPage() {
        return listPage(1);
    }

    private PageRequest listPage(int page) {
        Map<String, String> parameters = new LinkedHashMap<>(settings.query());
        parameters.put(settings.pageParameter(), Integer.toString(page));
        parameters.put(settings.perPageParameter(), Integer.toString(settings.perPage()));
        return PageRequest.get(ApiUrls.build(baseUrl, settings.listPath(), null, withKey(parameters)));
    }

    private Map<String, String> withKey(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (apiKey != null) {
            all.put(apiKey.parameter(), apiKey.value());
        }
        return all;
    }

    /** Unreadable when the page is not JSON or lacks the records array, the total or an id. */
    @Override
    public GatherResult gather(FetchedPage page) {
        JsonNode answer;
        try {
            answer = parse(page, "list page");
        } catch (IllegalArgumentException e) {
            return GatherResult.unreadable(e.getMessage());
        }
        JsonNode records = answer.at(items);
        if (!records.isArray()) {
            return unreadable("list page has no records array at " + items + " (answer: " + excerpt(answer) + ")");
        }
        OptionalLong total = totalCount(answer);
        if (total.isEmpty()) {
            return unreadable("list page has no total count at " + totalCount + " (answer: " + excerpt(answer) + ")");
        }
        List<RecordRef> refs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String recordId = record.isObject() ? JsonDocuments.scalarText(record.at(id)) : null;
            if (recordId == null || recordId.isBlank()) {
                // skipping it would make a complete listing miss the record, and two such runs would withdraw it
                return unreadable("list record " + (i + 1) + " of " + records.size() + " has no id at " + id);
            }
            if (seen.add(recordId)) {
                refs.add(new RecordRef(recordId, detailRequest(recordId), JsonDocuments.scalarFields(record)));
            }
        }
        int current = pageOf(page.request());
        boolean more = (long) current * settings.perPage() < total.getAsLong();
        return new GatherResult(refs, more ? Optional.of(listPage(current + 1)) : Optional.empty());
    }

    private OptionalLong totalCount(JsonNode answer) {
        JsonNode total = answer.at(totalCount);
        String text = JsonDocuments.scalarText(total);
        if (total.isIntegralNumber() || (text != null && text.strip().matches("\\d{1,18}"))) {
            return OptionalLong.of(total.isIntegralNumber() ? total.asLong() : Long.parseLong(text.strip()));
        }
        return OptionalLong.empty();
    }

    private PageRequest detailRequest(String recordId) {
        if (settings.detailPath() == null) {
            return null;
        }
        String url = ApiUrls.build(baseUrl, settings.detailPath(), recordId, withKey(Map.of()));
        return url == null ? null : PageRequest.get(url);
    }

    private int pageOf(PageRequest request) {
        String value = ApiUrls.parameter(request.url(), settings.pageParameter());
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public ExtractResult extract(RecordRef ref, FetchedPage page) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (page != null) {
            JsonNode answer;
            try {
                answer = parse(page, "detail");
            } catch (IllegalArgumentException e) {
                return new ExtractResult.NotAContentPage(e.getMessage());
            }
            JsonNode records = answer.at(detailItems);
            if (!records.isArray()) {
                return notContent(
                        "detail has no records array at " + detailItems + " (answer: " + excerpt(answer) + ")");
            }
            if (records.isEmpty()) {
                return notContent(
                        "no record: the detail answer's " + detailItems + " is empty for " + ref.sourceRecordId());
            }
            Optional<JsonNode> record = recordFor(ref.sourceRecordId(), records);
            if (record.isEmpty()) {
                return notContent(
                        "the detail answer holds records " + idsIn(records) + ", not " + ref.sourceRecordId());
            }
            fields.putAll(JsonDocuments.scalarFields(record.get()));
        }
        ref.listFields().forEach(fields::putIfAbsent); // the detail wins; the list adds what it alone has (조회수)
        if (fields.isEmpty()) {
            return notContent("no record: neither the list nor the detail gave a field");
        }
        return new ExtractResult.Extracted(new RawRecord(ref.sourceRecordId(), recordUrl(ref), fields));
    }

    /** The record with the id, or the first when records carry no id; empty when every id is another's. */
    private Optional<JsonNode> recordFor(String recordId, JsonNode records) {
        JsonNode first = null;
        boolean anyId = false;
        for (JsonNode record : records) {
            if (!record.isObject()) {
                continue;
            }
            String own = JsonDocuments.scalarText(record.at(id));
            if (recordId.equals(own)) {
                return Optional.of(record);
            }
            anyId |= own != null;
            first = first == null ? record : first;
        }
        return anyId ? Optional.empty() : Optional.ofNullable(first);
    }

    private List<String> idsIn(JsonNode records) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.add(Objects.requireNonNullElse(JsonDocuments.scalarText(record.at(id)), "?")));
        return ids.size() > 5 ? List.of(ids.get(0), ids.get(1), "…", ids.get(ids.size() - 1)) : ids;
    }

    private String recordUrl(RecordRef ref) {
        if (settings.recordUrl() != null) {
            return ApiUrls.build(baseUrl, settings.recordUrl(), ref.sourceRecordId(), Map.of());
        }
        return ApiUrls.build(baseUrl, settings.detailPath(), ref.sourceRecordId(), Map.of());
    }

    private JsonNode parse(FetchedPage page, String what) {
        try {
            return JsonDocuments.parse(Charsets.decodeJson(page.body(), page.contentType()));
        } catch (IllegalArgumentException e) {
            // no cause attached: the parser's own message may quote the answer, and with it the key
            throw new IllegalArgumentException(masked(what + " is " + e.getMessage()));
        }
    }

    private GatherResult unreadable(String reason) {
        return GatherResult.unreadable(masked(reason));
    }

    private ExtractResult notContent(String reason) {
        return new ExtractResult.NotAContentPage(masked(reason));
    }

    private String masked(String text) {
        return apiKey == null ? text : apiKey.mask(text);
    }

    private static String excerpt(JsonNode answer) {
        String text = answer.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Masks the API key in a request URL or message before it is logged or stored. */
    @Override
    public String redact(String text) {
        return masked(text);
    }

    @Override
    public String toString() {
        return "JsonApiConnector[" + baseUrl + settings.listPath() + (apiKey == null ? "" : ", " + apiKey) + "]";
    }
}
