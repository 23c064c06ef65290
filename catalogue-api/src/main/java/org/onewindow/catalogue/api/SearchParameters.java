package org.onewindow.catalogue.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onewindow.catalogue.search.Cursor;
import org.onewindow.catalogue.search.Facet;
import org.onewindow.catalogue.search.SearchRequest;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabulary;

/**
 * Reads the search endpoint's query parameters into a {@link SearchRequest}, or says what is wrong with each of
 * them: unknown parameters, unknown filter or sort values, numbers out of range, a cursor of another query.
 */
public final class SearchParameters {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_SIZE = 100;
    /** Deeper than this, page numbers cost Elasticsearch too much: a cursor goes on. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Set<String> OWN = Set.of("q", "page", "size", "cursor", "lang", "sort", "openNow");

    private SearchParameters() {}

    public static SearchRequest read(Map<String, List<String>> parameters) {
        List<Problem.ParameterError> errors = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!OWN.contains(name) && Facet.byParameter(name).isEmpty()) {
                errors.add(new Problem.ParameterError(name, "unknown parameter; known: " + known()));
            }
        }
        String text = QueryText.of(single(parameters, "q", errors));
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            errors.add(new Problem.ParameterError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        int page = ParameterChecks.wholeNumber(
                "page", single(parameters, "page", errors), 1, 1, Integer.MAX_VALUE, errors);
        int size = ParameterChecks.wholeNumber("size", single(parameters, "size", errors), 20, 1, MAX_SIZE, errors);
        if ((long) page * size > MAX_RESULT_WINDOW) {
            errors.add(new Problem.ParameterError(
                    "page", "page × size must not exceed " + MAX_RESULT_WINDOW + "; follow nextCursor to go deeper"));
        }
        String lang = ParameterChecks.language(single(parameters, "lang", errors), errors);
        String sortValue =
                Optional.ofNullable(single(parameters, "sort", errors)).orElse("relevance");
        SearchRequest.Sort sort = SearchRequest.Sort.byParameter(sortValue).orElse(null);
        if (sort == null) {
            errors.add(new Problem.ParameterError(
                    "sort", "unknown sort '" + sortValue + "'; one of relevance, updated, popularity, name"));
        }
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = parameters.get(facet.parameter());
            if (values != null) {
                filters.put(facet, indexedValues(facet, values, errors));
            }
        }
        String openNowValue = single(parameters, "openNow", errors);
        boolean openNow = "true".equals(openNowValue);
        if (openNowValue != null && !openNowValue.equals("true") && !openNowValue.equals("false")) {
            errors.add(new Problem.ParameterError("openNow", "must be true or false"));
        }
        String cursorToken = single(parameters, "cursor", errors);
        Cursor cursor = null;
        if (cursorToken != null) {
            try {
                cursor = Cursor.parse(cursorToken);
            } catch (Cursor.InvalidCursorException e) {
                errors.add(new Problem.ParameterError("cursor", e.getMessage()));
            }
            if (parameters.containsKey("page")) {
                errors.add(new Problem.ParameterError("page", "use either page or cursor, not both"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadParametersException(errors);
        }
        SearchRequest request = new SearchRequest(
                text == null || text.isBlank() ? null : text.strip(), filters, openNow, sort, lang, page, size, cursor);
        if (cursor != null && !cursor.fingerprint().equals(request.fingerprint())) {
            throw new BadParametersException(List.of(new Problem.ParameterError(
                    "cursor", "this cursor belongs to another query (q, filters, sort and size must stay the same)")));
        }
        if (cursor != null && !cursor.fits(request.effectiveSort())) {
            throw new BadParametersException(List.of(new Problem.ParameterError("cursor", "not a cursor of this API")));
        }
        return request;
    }

    private static List<String> indexedValues(Facet facet, List<String> values, List<Problem.ParameterError> errors) {
        Set<String> indexed = new LinkedHashSet<>();
        Optional<Vocabulary> vocabulary = facet.vocabulary();
        for (String raw : values) {
            for (String value : raw.split(",")) {
                String wanted = QueryText.of(value).strip();
                if (wanted.isEmpty()) {
                    continue;
                }
                if (vocabulary.isEmpty()) {
                    if (AGENCY_CODE.matcher(wanted).matches()) {
                        indexed.add(wanted);
                    } else {
                        errors.add(new Problem.ParameterError(
                                facet.parameter(), "'" + shorten(wanted) + "' is not an agency code"));
                    }
                    continue;
                }
                Optional<Term> term = vocabulary.get().resolve(wanted);
                if (term.isPresent()) {
                    indexed.add(facet.indexedValue(term.get()));
                } else {
                    errors.add(new Problem.ParameterError(
                            facet.parameter(),
                            "unknown value '" + shorten(wanted) + "'; known: "
                                    + vocabulary.get().terms().stream()
                                            .map(Term::code)
                                            .limit(20)
                                            .collect(Collectors.joining(", "))
                                    + (vocabulary.get().terms().size() > 20
                                            ? ", … (GET /api/v1/" + browsePath(facet) + ")"
                                            : "")));
                }
            }
        }
        return List.copyOf(indexed);
    }

    private static String browsePath(Facet facet) {
        return switch (facet) {
            case REGION -> "regions";
            case CATEGORY -> "categories";
            default -> "services?size=1 (facets)";
        };
    }

    private static String single(
            Map<String, List<String>> parameters, String name, List<Problem.ParameterError> errors) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new Problem.ParameterError(name, "given " + values.size() + " times; give it once"));
        }
        return values.get(0);
    }

    private static String known() {
        List<String> names = new ArrayList<>(List.of("q", "page", "size", "cursor", "lang", "sort", "openNow"));
        for (Facet facet : Facet.values()) {
            names.add(facet.parameter());
        }
        return String.join(", ", names);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
