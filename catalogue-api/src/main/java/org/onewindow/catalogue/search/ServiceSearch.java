package org.onewindow.catalogue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.mappings.vocabulary.Term;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Full-text search, filters and facets over the services alias, and lookup by id. The query text is only ever a
 * match value (never query syntax), and filter values are vocabulary terms, so no input changes the query's shape.
 */
@ApplicationScoped
public class ServiceSearch {

    /** Bigram subfields add recall for words the morphological dictionary does not know; they weigh less. */
    private static final List<String> BIGRAM_FIELDS = List.of("name.ko.bigram^2", "summary.ko.bigram", "audience.bigram", "benefits.bigram");
    /** English first when the citizen searches in English; the Korean fields still count. */
    private static final List<String> ENGLISH_FIELDS = List.of("name.en^4", "summary.en^2", "description.en", "name.ko^2", "summary.ko",
            "audience", "benefits");
    private static final String NATIONWIDE = "KR";
    private static final int FACET_SIZE = 100;

    @Inject
    RestClient elasticsearch;

    @Inject
    ObjectMapper json;

    public SearchPage search(SearchRequest search) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("size", search.size() + 1).put("track_total_hits", true); // one more: is there a next page?
        if (search.cursor() == null) {
            body.put("from", (search.page() - 1) * search.size());
        } else {
            body.set("search_after", search.cursor().after());
        }
        body.putArray("_source").add("id").add("name").add("summary").add("competentAuthority.name").add("url")
                .add("supportType").add("categories").add("lastModified");
        body.set("query", textQuery(search));
        ObjectNode allFilters = filters(search, null);
        if (allFilters != null) {
            body.set("post_filter", allFilters);
        }
        body.set("aggs", facetAggregations(search));
        body.set("sort", sort(search.effectiveSort()));
        if (search.text() != null) {
            body.set("highlight", highlight(search.language()));
        }
        Request request = new Request("POST", "/" + ServiceIndex.ALIAS + "/_search");
        request.setJsonEntity(body.toString());
        JsonNode result = read(elasticsearch.performRequest(request));

        List<ServiceSummary> items = new ArrayList<>();
        JsonNode hits = result.path("hits").path("hits");
        for (int i = 0; i < Math.min(hits.size(), search.size()); i++) {
            items.add(summary(hits.get(i), search.language()));
        }
        String next = null;
        if (hits.size() > search.size()) {
            next = new Cursor(search.fingerprint(), hits.get(search.size() - 1).path("sort")).token();
        }
        return new SearchPage(result.path("hits").path("total").path("value").asLong(), search.page(), search.size(), items,
                facets(result.path("aggregations"), search.language()), next);
    }

    /**
     * Every value of a facet in the catalogue with its number of services (for a vocabulary with few terms, such as
     * the service fields, also the terms no service has yet, with 0).
     */
    public List<FacetValue> browse(Facet facet, String language) throws IOException {
        ObjectNode body = json.createObjectNode().put("size", 0);
        ObjectNode values = body.putObject("aggs").putObject("values");
        values.putObject("terms").put("field", facet.field()).put("size", 1000);
        if (facet == Facet.AGENCY) {
            values.putObject("aggs").putObject("name").putObject("terms").put("field", "competentAuthority.name.raw").put("size", 1);
        }
        Request request = new Request("POST", "/" + ServiceIndex.ALIAS + "/_search");
        request.setJsonEntity(body.toString());
        JsonNode aggregations = read(elasticsearch.performRequest(request)).path("aggregations");
        List<FacetValue> present = facets(wrappedForFacet(facet, aggregations), language).get(facet.parameter());
        if (facet != Facet.CATEGORY && facet != Facet.SUPPORT_TYPE) {
            return present;
        }
        List<FacetValue> all = new ArrayList<>(present);
        java.util.Set<String> seen = new java.util.HashSet<>();
        present.forEach(v -> seen.add(v.value()));
        facet.vocabulary().ifPresent(vocabulary -> vocabulary.terms().stream().filter(term -> !seen.contains(term.code()))
                .forEach(term -> all.add(new FacetValue(term.code(), "en".equals(language) ? term.en() : term.ko(), 0))));
        return all;
    }

    /** Service names starting with what the citizen has typed so far (Korean syllables or English words). */
    public List<Suggestion> suggest(String prefix, String language, int size) throws IOException {
        ObjectNode body = json.createObjectNode().put("size", size);
        body.putArray("_source").add("id").add("name");
        ArrayNode should = body.putObject("query").putObject("bool").put("minimum_should_match", 1).putArray("should");
        should.addObject().putObject("match").putObject("name.ko.prefix").put("query", prefix).put("operator", "and");
        should.addObject().putObject("match_phrase_prefix").putObject("name.en").put("query", prefix);
        should.addObject().putObject("prefix").putObject("name.ko.raw").put("value", prefix).put("boost", 3.0);
        body.putArray("sort").add("_score").add(json.createObjectNode().put("name.ko.raw", "asc"));
        Request request = new Request("POST", "/" + ServiceIndex.ALIAS + "/_search");
        request.setJsonEntity(body.toString());
        List<Suggestion> suggestions = new ArrayList<>();
        for (JsonNode hit : read(elasticsearch.performRequest(request)).path("hits").path("hits")) {
            suggestions.add(new Suggestion(text(hit.path("_source").path("id")), display(hit.path("_source").path("name"), language)));
        }
        return suggestions;
    }

    /** Browse aggregations shaped like a search's, so {@link #facets} reads them. */
    private ObjectNode wrappedForFacet(Facet facet, JsonNode aggregations) {
        ObjectNode wrapped = json.createObjectNode();
        wrapped.set(facet.parameter(), aggregations);
        return wrapped;
    }

    /** Every service document, in id order, page by page (search_after), handed to {@code each}. */
    public void forEachService(java.util.function.Consumer<JsonNode> each) throws IOException {
        JsonNode after = null;
        while (true) {
            ObjectNode body = json.createObjectNode().put("size", 1000);
            body.putArray("sort").add(json.createObjectNode().put("id", "asc"));
            if (after != null) {
                body.set("search_after", after);
            }
            Request request = new Request("POST", "/" + ServiceIndex.ALIAS + "/_search");
            request.setJsonEntity(body.toString());
            JsonNode hits = read(elasticsearch.performRequest(request)).path("hits").path("hits");
            if (hits.isEmpty()) {
                return;
            }
            hits.forEach(hit -> each.accept(hit.path("_source")));
            after = hits.get(hits.size() - 1).path("sort");
        }
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

    private JsonNode textQuery(SearchRequest search) {
        if (search.text() == null) {
            return json.createObjectNode().set("match_all", json.createObjectNode());
        }
        ObjectNode bool = json.createObjectNode();
        ArrayNode should = bool.putObject("bool").put("minimum_should_match", 1).putArray("should");
        List<String> fields = "en".equals(search.language()) ? ENGLISH_FIELDS : ServiceIndex.SEARCH_FIELDS;
        should.addObject().set("multi_match", multiMatch(search.text(), fields, 1.0));
        should.addObject().set("multi_match", multiMatch(search.text(), BIGRAM_FIELDS, 0.3));
        return bool;
    }

    /** Every filter of the search but {@code except}'s (a facet is counted without its own filter); null when none. */
    private ObjectNode filters(SearchRequest search, Facet except) {
        ArrayNode clauses = json.createArrayNode();
        if (search.openNow()) {
            clauses.add(openToday());
        }
        search.filters().forEach((facet, values) -> {
            if (facet != except && !values.isEmpty()) {
                clauses.add(filter(facet, values));
            }
        });
        if (clauses.isEmpty()) {
            return null;
        }
        ObjectNode bool = json.createObjectNode();
        bool.putObject("bool").set("filter", clauses);
        return bool;
    }

    /**
     * Any of the values. A region also matches services for the whole country and, for a 시군구, those of its 시도;
     * a 시도 also matches its 시군구's services.
     */
    private ObjectNode filter(Facet facet, List<String> values) {
        if (facet != Facet.REGION) {
            ObjectNode terms = json.createObjectNode();
            ArrayNode list = terms.putObject("terms").putArray(facet.field());
            values.forEach(list::add);
            return terms;
        }
        ObjectNode bool = json.createObjectNode();
        ArrayNode should = bool.putObject("bool").put("minimum_should_match", 1).putArray("should");
        java.util.Set<String> exact = new java.util.LinkedHashSet<>();
        exact.add(NATIONWIDE);
        for (String code : values) {
            exact.add(code);
            if (code.length() == 5) {
                exact.add(code.substring(0, 2));
            } else if (code.length() == 2) {
                should.addObject().putObject("prefix").put(facet.field(), code);
            }
        }
        ArrayNode list = should.addObject().putObject("terms").putArray(facet.field());
        exact.forEach(list::add);
        return bool;
    }

    /** Always open, or a dated window that includes today (in Korea). */
    private ObjectNode openToday() {
        ObjectNode bool = json.createObjectNode();
        ArrayNode should = bool.putObject("bool").put("minimum_should_match", 1).putArray("should");
        should.addObject().putObject("term").put("applicationAlwaysOpen", true);
        should.addObject().putObject("range").putObject("applicationWindow").put("gte", "now/d").put("lte", "now/d")
                .put("relation", "intersects").put("time_zone", "+09:00");
        return bool;
    }

    private ObjectNode facetAggregations(SearchRequest search) {
        ObjectNode aggs = json.createObjectNode();
        for (Facet facet : Facet.values()) {
            ObjectNode agg = aggs.putObject(facet.parameter());
            ObjectNode others = filters(search, facet);
            agg.set("filter", others == null ? json.createObjectNode().set("match_all", json.createObjectNode()) : others);
            agg.putObject("aggs").putObject("values").putObject("terms").put("field", facet.field()).put("size", FACET_SIZE);
            if (facet == Facet.AGENCY) {
                agg.with("aggs").with("values").putObject("aggs").putObject("name").putObject("terms")
                        .put("field", "competentAuthority.name.raw").put("size", 1);
            }
        }
        return aggs;
    }

    private Map<String, List<FacetValue>> facets(JsonNode aggregations, String language) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            List<FacetValue> values = new ArrayList<>();
            for (JsonNode bucket : aggregations.path(facet.parameter()).path("values").path("buckets")) {
                String indexed = bucket.path("key").asText();
                long count = bucket.path("doc_count").asLong();
                if (facet == Facet.AGENCY) {
                    JsonNode name = bucket.path("name").path("buckets").path(0).path("key");
                    values.add(new FacetValue(indexed, name.isMissingNode() ? indexed : name.asText(), count));
                    continue;
                }
                Optional<Term> term = facet.termOf(indexed);
                values.add(new FacetValue(term.map(Term::code).orElse(indexed),
                        term.map(t -> "en".equals(language) ? t.en() : t.ko()).orElse(indexed), count));
            }
            facets.put(facet.parameter(), values);
        }
        return facets;
    }

    private ArrayNode sort(SearchRequest.Sort sort) {
        ArrayNode order = json.createArrayNode();
        switch (sort) {
            case RELEVANCE -> order.add(json.createObjectNode().put("_score", "desc"));
            case UPDATED -> order.add(json.createObjectNode().set("lastModified", json.createObjectNode().put("order", "desc").put("missing", "_last")));
            case POPULARITY -> order.add(json.createObjectNode().set("popularity", json.createObjectNode().put("order", "desc").put("missing", "_last")));
            case NAME -> { }
        }
        order.add(json.createObjectNode().put("name.ko.raw", "asc"));
        order.add(json.createObjectNode().put("id", "asc")); // a total order, so cursors never skip or repeat
        return order;
    }

    private ObjectNode highlight(String language) {
        ObjectNode highlight = json.createObjectNode().put("encoder", "html").put("require_field_match", false);
        highlight.putArray("pre_tags").add("<em>");
        highlight.putArray("post_tags").add("</em>");
        ObjectNode fields = highlight.putObject("fields");
        String lang = "en".equals(language) ? "en" : "ko";
        fields.putObject("name." + lang).put("number_of_fragments", 0);
        fields.putObject("summary." + lang).put("fragment_size", 120).put("number_of_fragments", 1);
        return highlight;
    }

    private static ServiceSummary summary(JsonNode hit, String language) {
        JsonNode source = hit.path("_source");
        List<String> categories = new ArrayList<>();
        source.path("categories").forEach(c -> categories.add(c.asText()));
        Map<String, String> highlight = new LinkedHashMap<>();
        hit.path("highlight").fields().forEachRemaining(field -> {
            String name = field.getKey().substring(0, field.getKey().indexOf('.'));
            highlight.put(name, field.getValue().path(0).asText());
        });
        return new ServiceSummary(
                text(source.path("id")),
                display(source.path("name"), language),
                display(source.path("summary"), language),
                text(source.path("competentAuthority").path("name")),
                text(source.path("url")),
                text(source.path("supportType")),
                categories,
                text(source.path("lastModified")),
                highlight);
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
