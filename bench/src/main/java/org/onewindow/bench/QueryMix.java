package org.onewindow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.onewindow.catalogue.api.SearchParameters;
import org.onewindow.catalogue.search.Facet;
import org.onewindow.catalogue.search.SearchQueries;
import org.onewindow.catalogue.search.SearchRequest;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;

/**
 * The requests the benchmark sends: what a citizen app sends (autocomplete on every keystroke, searches with the
 * judged queries, some with a filter, a sort or the next page; browsing by filters without text; the browse lists),
 * each paired with the very request the API sends to Elasticsearch for it (built by the API's own
 * {@link SearchParameters} and {@link SearchQueries}), so both sides answer the same queries.
 */
public final class QueryMix {

    /** One request: its kind, the API's path and query, and the body the API posts to Elasticsearch's search. */
    public record Request(String kind, String apiPath, String elasticsearchBody) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SearchQueries QUERIES = new SearchQueries(JSON);
    private static final List<String> PREFIXES = List.of(
            "청", "청년", "청년 월", "출", "출산", "월세", "주", "주거", "기초", "기초연", "장애", "장애인 연", "노인", "어르", "육아", "임신", "국민",
            "긴급", "에너지", "교육", "학자", "창업", "일자리", "치매", "아동", "한부모", "전입", "여권");
    private static final List<String> ENGLISH_PREFIXES =
            List.of("ch", "child", "hou", "hous", "you", "youth", "sen", "pen", "heal", "job");
    private static final List<String[]> TEXTS = texts();

    private QueryMix() {}

    /**
     * {@code count} requests drawn (with a fixed seed) in the proportions of an app's traffic: 40 % suggestions,
     * 35 % text searches (a quarter of them filtered, some sorted by popularity or on page 2, English ones in English),
     * 17 % filtered browsing without text, 8 % the category, region and agency lists.
     */
    public static List<Request> mixed(int count) {
        SplittableRandom random = new SplittableRandom(20261128);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double draw = random.nextDouble();
            if (draw < 0.40) {
                requests.add(suggestion(random));
            } else if (draw < 0.75) {
                requests.add(textSearch(random));
            } else if (draw < 0.92) {
                requests.add(filteredBrowse(random));
            } else {
                requests.add(browseList(random));
            }
        }
        return requests;
    }

    /** Suggestions alone, for their own latency. */
    public static List<Request> suggestionsOnly(int count) {
        SplittableRandom random = new SplittableRandom(1128);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(suggestion(random));
        }
        return requests;
    }

    private static Request suggestion(SplittableRandom random) {
        boolean english = random.nextInt(5) == 0;
        String prefix = english ? pick(ENGLISH_PREFIXES, random) : pick(PREFIXES, random);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", prefix);
        if (english) {
            parameters.put("lang", "en");
        }
        return new Request(
                "suggest",
                "/api/v1/suggest" + query(parameters),
                QUERIES.suggest(prefix, 8).toString());
    }

    private static Request textSearch(SplittableRandom random) {
        String[] text = TEXTS.get(random.nextInt(TEXTS.size()));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", text[0]);
        if ("en".equals(text[1])) {
            parameters.put("lang", "en");
        }
        int variant = random.nextInt(8);
        if (variant == 0) {
            parameters.put("region", pick(terms(Vocabularies.REGIONS), random).code());
        } else if (variant == 1) {
            parameters.put(
                    "category", pick(terms(Vocabularies.SERVICE_FIELDS), random).code());
        } else if (variant == 2) {
            parameters.put("sort", "popularity");
        } else if (variant == 3) {
            parameters.put("page", "2");
        }
        return search("search", parameters);
    }

    private static Request filteredBrowse(SplittableRandom random) {
        Map<String, String> parameters = new LinkedHashMap<>();
        switch (random.nextInt(4)) {
            case 0 ->
                parameters.put(
                        "region", pick(terms(Vocabularies.REGIONS), random).code());
            case 1 -> {
                parameters.put(
                        "category",
                        pick(terms(Vocabularies.SERVICE_FIELDS), random).code());
                parameters.put(
                        "region", pick(terms(Vocabularies.REGIONS), random).code());
            }
            case 2 ->
                parameters.put(
                        "lifeEvent",
                        pick(terms(Vocabularies.LIFE_EVENTS), random).code());
            default -> {
                parameters.put(
                        "supportType",
                        pick(terms(Vocabularies.SUPPORT_TYPES), random).code());
                parameters.put("openNow", "true");
            }
        }
        parameters.put("sort", random.nextBoolean() ? "popularity" : "updated");
        return search("browse", parameters);
    }

    private static Request browseList(SplittableRandom random) {
        Facet facet = List.of(Facet.CATEGORY, Facet.REGION, Facet.AGENCY).get(random.nextInt(3));
        String path = switch (facet) {
            case CATEGORY -> "/api/v1/categories";
            case REGION -> "/api/v1/regions";
            default -> "/api/v1/agencies";
        };
        return new Request("list", path, QUERIES.browse(facet).toString());
    }

    private static Request search(String kind, Map<String, String> parameters) {
        Map<String, List<String>> asReceived = parameters.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> List.of(e.getValue()), (a, b) -> a, LinkedHashMap::new));
        SearchRequest request = SearchParameters.read(asReceived);
        return new Request(
                kind,
                "/api/v1/services" + query(parameters),
                QUERIES.search(request).toString());
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static List<Term> terms(String vocabulary) {
        return Vocabularies.bundled().get(vocabulary).terms();
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String[]> texts() {
        try (InputStream in = QueryMix.class.getResourceAsStream("/bench/search-texts.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
