package org.onewindow.catalogue.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.mappings.vocabulary.Term;

/**
 * Full-text search, filters and facets over the services alias, and lookup by id: sends the bodies
 * {@link SearchQueries} builds and reads the answers into the API's shapes.
 */
@ApplicationScoped
public class ServiceSearch {

    @Inject
    RestClient elasticsearch;

    @Inject
    ObjectMapper json;

    /** Services per page of {@link #forEachService}. */
    static final int SERVICES_PAGE = 1000;

    private SearchQueries queries;

    @jakarta.annotation.PostConstruct
    void buildQueries() {
        queries = new SearchQueries(json);
    }

    /** One page of a search; answered without holding a thread while Elasticsearch works. */
    public CompletionStage<SearchPage> search(SearchRequest search) {
        return sendAsync(queries.search(search)).thenApply(result -> page(search, result));
    }

    private SearchPage page(SearchRequest search, JsonNode result) {
        List<ServiceSummary> items = new ArrayList<>();
        JsonNode hits = result.path("hits").path("hits");
        for (int i = 0; i < Math.min(hits.size(), search.size()); i++) {
            items.add(summary(hits.get(i), search.language()));
        }
        long total = result.path("hits").path("total").path("value").asLong();
        boolean more = search.cursor() == null
                ? hits.size() == search.size() && (long) search.page() * search.size() < total
                : hits.size() > search.size();
        String next = more
                ? new Cursor(search.fingerprint(), hits.get(search.size() - 1).path("sort")).token()
                : null;
        return new SearchPage(
                total,
                search.page(),
                search.size(),
                items,
                facets(result.path("aggregations"), search.language()),
                next);
    }

    /**
     * Every value of a facet in the catalogue with its number of services (for a vocabulary with few terms, such as
     * the service fields, also the terms no service has yet, with 0).
     */
    public CompletionStage<List<FacetValue>> browse(Facet facet, String language) {
        return sendAsync(queries.browse(facet))
                .thenApply(answer -> values(facet, answer.path("aggregations"), language));
    }

    private List<FacetValue> values(Facet facet, JsonNode aggregations, String language) {
        List<FacetValue> present =
                facets(wrappedForFacet(facet, aggregations), language).get(facet.parameter());
        if (facet != Facet.CATEGORY && facet != Facet.SUPPORT_TYPE) {
            return present;
        }
        List<FacetValue> all = new ArrayList<>(present);
        Set<String> seen = new HashSet<>();
        present.forEach(v -> seen.add(v.value()));
        facet.vocabulary()
                .ifPresent(vocabulary -> vocabulary.terms().stream()
                        .filter(term -> !seen.contains(term.code()))
                        .forEach(term -> all.add(
                                new FacetValue(term.code(), "en".equals(language) ? term.en() : term.ko(), 0))));
        return all;
    }

    /** Service names starting with what the citizen has typed so far (Korean syllables or English words). */
    public CompletionStage<List<Suggestion>> suggest(String prefix, String language, int size) {
        return sendAsync(queries.suggest(prefix, size)).thenApply(answer -> {
            List<Suggestion> suggestions = new ArrayList<>();
            for (JsonNode hit : answer.path("hits").path("hits")) {
                suggestions.add(new Suggestion(
                        text(hit.path("_source").path("id")),
                        display(hit.path("_source").path("name"), language)));
            }
            return suggestions;
        });
    }

    /** Browse aggregations shaped like a search's, so {@link #facets} reads them. */
    private ObjectNode wrappedForFacet(Facet facet, JsonNode aggregations) {
        ObjectNode wrapped = json.createObjectNode();
        wrapped.set(facet.parameter(), aggregations);
        return wrapped;
    }

    /** Takes one service document; may fail writing it somewhere. */
    @FunctionalInterface
    public interface ServiceConsumer {
        void accept(JsonNode service) throws IOException;
    }

    /**
     * Every service document, in id order, page by page (search_after), handed to {@code each}; only the
     * {@code fields} asked for are read, and no more than one page is held at a time.
     */
    public void forEachService(List<String> fields, ServiceConsumer each) throws IOException {
        JsonNode after = null;
        while (true) {
            ObjectNode body = json.createObjectNode().put("size", SERVICES_PAGE);
            body.putArray("sort").add(json.createObjectNode().put("id", "asc"));
            fields.forEach(body.putArray("_source")::add);
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = send(body).path("hits").path("hits");
            if (hits.isEmpty()) {
                return;
            }
            for (JsonNode hit : hits) {
                each.accept(hit.path("_source"));
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    /**
     * The concrete index behind the alias and what searches see in it now. Within one index, the number of visible
     * services and the highest sequence number among them change with every change a search can see: an indexed
     * document takes a sequence number above all before it, and a deletion alone lowers the count.
     */
    public VisibleIndex visibleIndex() throws IOException {
        JsonNode settings = read(
                elasticsearch.performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_settings/index.uuid")));
        Map.Entry<String, JsonNode> index = settings.fields().next();
        ObjectNode body = json.createObjectNode()
                .put("size", 1)
                .put("track_total_hits", true)
                .put("_source", false);
        body.putArray("sort").add(json.createObjectNode().put("_seq_no", "desc"));
        JsonNode hits = send(body).path("hits");
        return new VisibleIndex(
                index.getKey(),
                index.getValue().path("settings").path("index").path("uuid").asText(),
                hits.path("total").path("value").asLong(),
                hits.path("hits").path(0).path("sort").path(0).asLong(-1));
    }

    /** The whole document of a service, or empty when the catalogue has no such id. */
    public Optional<JsonNode> find(String id) throws IOException {
        try {
            JsonNode result =
                    read(elasticsearch.performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_doc/" + id)));
            return result.path("found").asBoolean() ? Optional.of(result.path("_source")) : Optional.empty();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Map<String, List<FacetValue>> facets(JsonNode aggregations, String language) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            List<FacetValue> values = new ArrayList<>();
            for (JsonNode bucket :
                    aggregations.path(facet.parameter()).path("values").path("buckets")) {
                String indexed = bucket.path("key").asText();
                long count = bucket.path("doc_count").asLong();
                if (facet == Facet.AGENCY) {
                    JsonNode name = bucket.path("name").path("buckets").path(0).path("key");
                    values.add(new FacetValue(indexed, name.isMissingNode() ? indexed : name.asText(), count));
                    continue;
                }
                Optional<Term> term = facet.termOf(indexed);
                values.add(new FacetValue(
                        term.map(Term::code).orElse(indexed),
                        term.map(t -> "en".equals(language) ? t.en() : t.ko()).orElse(indexed),
                        count));
            }
            facets.put(facet.parameter(), values);
        }
        return facets;
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

    private static String display(JsonNode localized, String language) {
        String other = "en".equals(language) ? "ko" : "en";
        String wanted = text(localized.path("en".equals(language) ? "en" : "ko"));
        return wanted != null ? wanted : text(localized.path(other));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private CompletionStage<JsonNode> sendAsync(ObjectNode body) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        elasticsearch.performRequestAsync(searchRequest(body), new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                try {
                    answer.complete(read(response));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Exception failure) {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    private JsonNode send(ObjectNode body) throws IOException {
        return read(elasticsearch.performRequest(searchRequest(body)));
    }

    private static Request searchRequest(ObjectNode body) {
        Request request = new Request("POST", SearchQueries.SEARCH_PATH);
        request.setJsonEntity(body.toString());
        return request;
    }

    private JsonNode read(Response response) throws IOException {
        return json.readTree(response.getEntity().getContent());
    }
}
