package org.onewindow.catalogue.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One hit of a search, with display strings: {@code name} and {@code summary} in Korean, {@code agency} the competent authority. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceSummary(String id, String name, String summary, String agency, String url, String supportType,
        List<String> categories, String lastModified) {
}
