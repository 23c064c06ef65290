package org.onewindow.mappings.model;

import java.util.List;
import java.util.Map;

/**
 * What a connector extracted from one record's page or item: field name → values, in document order.
 * The mapping turns it into a {@link ServiceRecord}.
 */
public record RawRecord(String sourceRecordId, String url, Map<String, List<String>> fields) {

    public RawRecord {
        fields = Map.copyOf(fields);
    }

    public List<String> values(String field) {
        return fields.getOrDefault(field, List.of());
    }
}
