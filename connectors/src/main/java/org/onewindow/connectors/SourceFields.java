package org.onewindow.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.mappings.model.ServiceRecord;

/**
 * Raw field names a source's document supplies (JSON keys, language tags). A name ending in
 * {@link ServiceRecord#HTML_SUFFIX} would pose as a display rendition, which only a connector makes from markup it
 * sanitised itself: such names are never taken from a source.
 */
public final class SourceFields {

    private SourceFields() {}

    /** Whether a name read from a source's document may be a raw field name. */
    public static boolean isAcceptedName(String name) {
        return !name.endsWith(ServiceRecord.HTML_SUFFIX);
    }

    /** The fields without those whose name a source may not supply, in their order. */
    public static Map<String, List<String>> withoutRenditions(Map<String, List<String>> fields) {
        Map<String, List<String>> accepted = new LinkedHashMap<>(fields);
        accepted.keySet().removeIf(name -> !isAcceptedName(name));
        return accepted;
    }
}
