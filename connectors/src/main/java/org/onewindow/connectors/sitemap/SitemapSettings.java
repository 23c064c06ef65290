package org.onewindow.connectors.sitemap;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Settings of the sitemap connector.
 *
 * @param sitemap          the sitemap or sitemap index (relative to the base URL; .gz is fine)
 * @param recordUrlPattern regex a URL must match to be a record page; its group 1, when present, is the record id
 *                         (otherwise the URL without its session id is)
 * @param softErrors       text that marks a 200 page as an error page
 * @param fields           raw field name → CSS selectors tried in order, as for the html kind
 */
public record SitemapSettings(
        @JsonProperty(required = true) String sitemap,
        @JsonProperty(required = true) String recordUrlPattern,
        List<String> softErrors,
        @JsonProperty(required = true) Map<String, List<String>> fields) {}
