package org.onewindow.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One hit of a search, with display strings in the asked language: {@code agency} the competent authority, and
 * {@code highlight} the matched words of name and summary as HTML-escaped text with {@code <em>} around them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceSummary(
        String id,
        String name,
        String summary,
        String agency,
        String url,
        String supportType,
        List<String> categories,
        String lastModified,
        Map<String, String> highlight) {}
