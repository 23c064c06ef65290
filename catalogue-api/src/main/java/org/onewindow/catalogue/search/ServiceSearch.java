package org.onewindow.catalogue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.onewindow.mappings.index.ServiceIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Full-text search and lookup over the services alias. The query text is only ever a match value (never query
 * syntax), so no input can change the query's shape.
 */
@ApplicationScoped
public class ServiceSearch {

    /** Bigram subfields add recall for words the morphological dictionary does not know; they weigh less. */
    private static final List<String> BIGRAM_FIELDS = List.of("name.ko.bigram^2", "summary.ko.bigram", "audience.bigram", "benefits.bigram");

    @Inject
    RestClient elasticsearch;

    @Inject
    ObjectMapper json;

    /** @param language "ko" or "en": the language of the display strings (falling back to the other one) */
    public SearchPage search(String text, int page, int size, String language) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("from", (page - 1) * size).put("size", size).put("track_total_hits", true);
        body.putArray("_source").add("id").add("name").add("summary").add("competentAuthority.name").add("url")
                .add("supportType").add("categories").add("lastModified");
        if (text == null || text.isBlank()) {
            body.putObject("query").putObject("match_all");
            body.putArray("sort").add(json.createObjectNode().put("name.ko.raw", "asc"));
        } else {
            ArrayNode should = body.putObject("query").putObject("bool").put("minimum_should_match", 1).putArray("should");
            should.addObject().set("multi_match", multiMatch(text, ServiceIndex.SEARCH_FIELDS, 1.0));
            should.addObject().set("multi_match", multiMatch(text, BIGRAM_FIELDS, 0.3));
            body.putArray("sort").add("_score").add(json.createObjectNode().put("name.ko.raw", "asc"));
        }
        Request request = new Request("POST", "/" + ServiceIndex.ALIAS + "/_search");
        request.setJsonEntity(body.toString());
        JsonNode result = read(elasticsearch.performRequest(request));
        List<ServiceSummary> items = new ArrayList<>();
        for (JsonNode hit : result.path("hits").path("hits")) {
            items.add(summary(hit.path("_source"), language));
        }
        return new SearchPage(result.path("hits").path("total").path("value").asLong(), page, size, items);
    }

    /** The whole document of a service, or empty when the catalogue has no such id. */
    public Optional<JsonNode> find(String id) throws IOException {
        try {
            JsonNode result = read(elasticsearch.performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_doc/" + id)));
            return result.path("found").asBoolean() ? Optional.of(result.path("_source")) : Optional.empty();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public static ServiceSummary summary(JsonNode source, String language) {
        List<String> categories = new ArrayList<>();
        source.path("categories").forEach(c -> categories.add(c.asText()));
        return new ServiceSummary(
                text(source.path("id")),
                display(source.path("name"), language),
                display(source.path("summary"), language),
                text(source.path("competentAuthority").path("name")),
                text(source.path("url")),
                text(source.path("supportType")),
                categories,
                text(source.path("lastModified")));
    }

    private ObjectNode multiMatch(String text, List<String> fields, double boost) {
        ObjectNode match = json.createObjectNode().put("query", text).put("type", "best_fields").put("tie_breaker", 0.3)
                .put("boost", boost);
        ArrayNode names = match.putArray("fields");
        fields.forEach(names::add);
        return match;
    }

    private static String display(JsonNode localized, String language) {
        String other = "en".equals(language) ? "ko" : "en";
        String wanted = text(localized.path("en".equals(language) ? "en" : "ko"));
        return wanted != null ? wanted : text(localized.path(other));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private JsonNode read(Response response) throws IOException {
        return json.readTree(response.getEntity().getContent());
    }
}
