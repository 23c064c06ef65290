package org.onewindow.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A page of search results: how many matched in all, the hits, the facet counts (each facet counted with every
 * other filter applied, so choices within one facet stay visible), and the cursor of the next page when there is one.
 */
public record SearchPage(
        long total,
        int page,
        int size,
        List<ServiceSummary> items,
        Map<String, List<FacetValue>> facets,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
