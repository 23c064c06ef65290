package org.onewindow.catalogue.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One validated search: text (may be null: browse everything), filters by facet (values as indexed; several values
 * of one facet are alternatives, facets combine), whether only services taking applications today are wanted, sort,
 * language, and either a page or a cursor.
 */
public record SearchRequest(
        String text,
        Map<Facet, List<String>> filters,
        boolean openNow,
        Sort sort,
        String language,
        int page,
        int size,
        Cursor cursor) {

    public enum Sort {
        /** Best match first (the default with a query; without one it is {@link #NAME}). */
        RELEVANCE("relevance"),
        /** Most recently modified by its agency first. */
        UPDATED("updated"),
        /** Most viewed first. */
        POPULARITY("popularity"),
        /** By Korean name. */
        NAME("name");

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Optional<Sort> byParameter(String value) {
            for (Sort sort : values()) {
                if (sort.parameter.equals(value)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }

    public SearchRequest {
        filters = Map.copyOf(filters);
    }

    /** The sort really applied: relevance means nothing without a query. */
    public Sort effectiveSort() {
        return sort == Sort.RELEVANCE && (text == null || text.isBlank()) ? Sort.NAME : sort;
    }

    /** What a cursor must have been made for: the same text, filters, sort and size. */
    public String fingerprint() {
        StringBuilder key = new StringBuilder(text == null ? "" : text)
                .append('\u0000')
                .append(effectiveSort())
                .append('\u0000')
                .append(size)
                .append(openNow);
        new TreeMap<>(filters.entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().name(), e -> new TreeSet<>(e.getValue()).toString())))
                .forEach((k, v) -> key.append(k).append(v));
        return Integer.toHexString(key.toString().hashCode());
    }
}
