package org.onewindow.mappings.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.onewindow.mappings.model.AgencyType;

/** The agency a source belongs to; it is the competent authority unless a record names another. */
public record Agency(
        @JsonProperty(required = true) String code,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) AgencyType type) {}
