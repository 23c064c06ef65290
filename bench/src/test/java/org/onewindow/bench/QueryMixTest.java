package org.onewindow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onewindow.catalogue.api.SearchParameters;
import org.onewindow.catalogue.search.SearchQueries;

class QueryMixTest {

    @Test
    void theMixHasAnAppsProportionsOfSuggestionsSearchesBrowsingAndLists() {
        Map<String, Long> kinds = QueryMix.mixed(2000).stream()
                .collect(Collectors.groupingBy(QueryMix.Request::kind, Collectors.counting()));
        assertThat(kinds.get("suggest")).isBetween(720L, 880L);
        assertThat(kinds.get("search")).isBetween(620L, 780L);
        assertThat(kinds.get("browse")).isBetween(270L, 410L);
        assertThat(kinds.get("list")).isBetween(100L, 220L);
        assertThat(QueryMix.mixed(2000)).isEqualTo(QueryMix.mixed(2000));
    }

    @Test
    void eachSearchPathReadBackByTheApiGivesTheElasticsearchBodyItIsPairedWith() {
        SearchQueries queries = new SearchQueries(new ObjectMapper());
        List<QueryMix.Request> searches = QueryMix.mixed(2000).stream()
                .filter(r -> r.apiPath().startsWith("/api/v1/services?"))
                .toList();
        assertThat(searches).hasSizeGreaterThan(900);
        assertThat(searches)
                .anySatisfy(r -> assertThat(URI.create(r.apiPath()).getQuery())
                        .contains(" ")
                        .matches(".*[가-힣].*"));
        for (QueryMix.Request request : searches) {
            String body = queries.search(SearchParameters.read(
                            parameters(URI.create(request.apiPath()).getRawQuery())))
                    .toString();
            assertThat(body).as(request.apiPath()).isEqualTo(request.elasticsearchBody());
        }
    }

    private static Map<String, List<String>> parameters(String rawQuery) {
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> List.of(URLDecoder.decode(pair[1], StandardCharsets.UTF_8)),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }
}
