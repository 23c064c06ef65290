package org.onewindow.catalogue.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.mappings.index.ServiceIndex;

/**
 * The Elasticsearch request bodies of searches, browsing and suggestions, built from validated requests only. The
 * query text is only ever a match value (never query syntax), and filter values are vocabulary terms, so no input
 * changes a query's shape. Kept apart from sending them so the benchmark sends the very same bodies straight to
 * Elasticsearch.
 */
public final class SearchQueries {

    /** Where every query goes: the services alias. */
    public static final String SEARCH_PATH = "/" + ServiceIndex.ALIAS + "/_search";

    /** Bigram subfields add recall for words the morphological dictionary does not know; they weigh less. */
    private static final List<String> BIGRAM_FIELDS =
            List.of("name.ko.bigram^2", "summary.ko.bigram", "audience.bigram", "benefits.bigram");
    /** English first when the citizen searches in English; the Korean fields still count. */
    private static final List<String> ENGLISH_FIELDS =
            List.of("name.en^4", "summary.en^2", "description.en", "name.ko^2", "summary.ko", "audience", "benefits");

    private static final String NATIONWIDE = "KR";
    private static final int FACET_SIZE = 100;

    private final ObjectMapper json;

    public SearchQueries(ObjectMapper json) {
        this.json = json;
    }

    /**
     * One page of a search, with facet counts and highlights. A cursor's page asks one hit more than it serves (is there
     * a next page?); a numbered page knows that from the total and asks no more than the index's result window allows
     * (page × size may reach it).
     */
    public ObjectNode search(SearchRequest search) {
        ObjectNode body = json.createObjectNode();
        body.put("size", search.cursor() == null ? search.size() : search.size() + 1)
                .put("track_total_hits", true);
        if (search.cursor() == null) {
            body.put("from", (search.page() - 1) * search.size());
        } else {
            body.set("search_after", search.cursor().after());
        }
        body.putArray("_source")
                .add("id")
                .add("name")
                .add("summary")
                .add("competentAuthority.name")
                .add("url")
                .add("supportType")
                .add("categories")
                .add("lastModified");
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
        return body;
    }

    /** Every value of a facet in the catalogue with its number of services. */
    public ObjectNode browse(Facet facet) {
        ObjectNode body = json.createObjectNode().put("size", 0);
        ObjectNode values = body.putObject("aggs").putObject("values");
        values.putObject("terms").put("field", facet.field()).put("size", 1000);
        if (facet == Facet.AGENCY) {
            values.putObject("aggs")
                    .putObject("name")
                    .putObject("terms")
                    .put("field", "competentAuthority.name.raw")
                    .put("size", 1);
        }
        return body;
    }

    /** Service names starting with what the citizen has typed so far (Korean syllables or English words). */
    public ObjectNode suggest(String prefix, int size) {
        ObjectNode body = json.createObjectNode().put("size", size);
        body.putArray("_source").add("id").add("name");
        ArrayNode should = body.putObject("query")
                .putObject("bool")
                .put("minimum_should_match", 1)
                .putArray("should");
        should.addObject()
                .putObject("match")
                .putObject("name.ko.prefix")
                .put("query", prefix)
                .put("operator", "and");
        should.addObject().putObject("match_phrase_prefix").putObject("name.en").put("query", prefix);
        should.addObject()
                .putObject("prefix")
                .putObject("name.ko.raw")
                .put("value", prefix)
                .put("boost", 3.0);
        body.putArray("sort").add("_score").add(json.createObjectNode().put("name.ko.raw", "asc"));
        return body;
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
        Set<String> exact = new LinkedHashSet<>();
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
        should.addObject()
                .putObject("range")
                .putObject("applicationWindow")
                .put("gte", "now/d")
                .put("lte", "now/d")
                .put("relation", "intersects")
                .put("time_zone", "+09:00");
        return bool;
    }

    private ObjectNode facetAggregations(SearchRequest search) {
        ObjectNode aggs = json.createObjectNode();
        for (Facet facet : Facet.values()) {
            ObjectNode agg = aggs.putObject(facet.parameter());
            ObjectNode others = filters(search, facet);
            agg.set(
                    "filter",
                    others == null ? json.createObjectNode().set("match_all", json.createObjectNode()) : others);
            agg.putObject("aggs")
                    .putObject("values")
                    .putObject("terms")
                    .put("field", facet.field())
                    .put("size", FACET_SIZE);
            if (facet == Facet.AGENCY) {
                agg.with("aggs")
                        .with("values")
                        .putObject("aggs")
                        .putObject("name")
                        .putObject("terms")
                        .put("field", "competentAuthority.name.raw")
                        .put("size", 1);
            }
        }
        return aggs;
    }

    private ArrayNode sort(SearchRequest.Sort sort) {
        ArrayNode order = json.createArrayNode();
        switch (sort) {
            case RELEVANCE -> order.add(json.createObjectNode().put("_score", "desc"));
            case UPDATED ->
                order.add(json.createObjectNode()
                        .set(
                                "lastModified",
                                json.createObjectNode().put("order", "desc").put("missing", "_last")));
            case POPULARITY ->
                order.add(json.createObjectNode()
                        .set(
                                "popularity",
                                json.createObjectNode().put("order", "desc").put("missing", "_last")));
            case NAME -> {}
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

    private ObjectNode multiMatch(String text, List<String> fields, double boost) {
        ObjectNode match = json.createObjectNode()
                .put("query", text)
                .put("type", "best_fields")
                .put("tie_breaker", 0.3)
                .put("boost", boost);
        ArrayNode names = match.putArray("fields");
        fields.forEach(names::add);
        return match;
    }
}
