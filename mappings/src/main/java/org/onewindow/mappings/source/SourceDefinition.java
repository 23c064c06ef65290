package org.onewindow.mappings.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Map;
import org.onewindow.mappings.model.SourceLanguage;

/**
 * One source as declared in its mapping file (sources-as-code): who publishes it and under which licence, how to read
 * it, when to harvest it, and how its raw fields become the common schema.
 */
public record SourceDefinition(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) Agency agency,
        @JsonProperty(required = true) SourceLicence licence,
        @JsonProperty(required = true) ConnectorSpec connector,
        @JsonProperty(required = true) String schedule,
        @JsonSetter(nulls = Nulls.SET) Politeness politeness,
        @JsonSetter(nulls = Nulls.SET) SourceLanguage language,
        @JsonProperty(required = true) Map<TargetField, FieldRule> fields) {

    public SourceDefinition {
        politeness = politeness == null ? Politeness.DEFAULT : politeness;
        language = language == null ? SourceLanguage.KO : language;
        fields = Map.copyOf(fields);
        if (licence != null && agency != null) {
            licence = licence.attributedTo(agency.name());
        }
    }
}
