package org.onewindow.mappings.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which connector reads the source and its kind-specific settings (validated by the connector itself).
 * {@code baseUrl} is the site's origin; relative URLs in the settings resolve against it, and an operator can
 * point a source at another origin (a mirror, a test double) without editing the file.
 */
public record ConnectorSpec(
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) String baseUrl,
        @JsonProperty(required = true) JsonNode settings) {}
