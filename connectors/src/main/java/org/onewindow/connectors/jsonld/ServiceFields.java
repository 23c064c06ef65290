package org.onewindow.connectors.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onewindow.connectors.SourceFields;
import org.onewindow.connectors.json.JsonDocuments;

/**
 * Flattens a schema.org (Government)Service into raw fields named by their path ({@code provider.name},
 * {@code availableChannel.servicePhone.telephone}). A value may be text, a node (its name, or the property that
 * fits: {@code audienceType}, {@code telephone}, an identifier's {@code value}), a reference to a node elsewhere in
 * the graph, or language-tagged: text in another language than Korean goes to {@code field@lang}
 * ({@code name@en}).
 */
final class ServiceFields {

    /** Languages whose text is the field's own; untagged text is taken as the page's, Korean. */
    private static final Set<String> KOREAN = Set.of("ko", "ko-kr", "kor");

    /**
     * @param field    raw field name
     * @param path     properties from the service to the value
     * @param leafKeys properties of a node value that give its text, in order of preference
     */
    private record Spec(String field, List<String> path, List<String> leafKeys) {

        static Spec of(String field, String path, String... leafKeys) {
            return new Spec(field, List.of(path.split("\\.")), List.of(leafKeys));
        }
    }

    private static final List<Spec> SPECS = List.of(
            Spec.of("name", "name"),
            Spec.of("alternateName", "alternateName"),
            Spec.of("description", "description"),
            Spec.of("serviceType", "serviceType", "name"),
            Spec.of("audience", "audience", "audienceType", "name"),
            Spec.of("provider.name", "provider", "name", "legalName"),
            Spec.of("areaServed", "areaServed", "name"),
            Spec.of("url", "url"),
            Spec.of("availableChannel.serviceUrl", "availableChannel.serviceUrl"),
            Spec.of("availableChannel.servicePhone.telephone", "availableChannel.servicePhone", "telephone"),
            Spec.of("category", "category", "name"),
            Spec.of("termsOfService", "termsOfService", "url", "name"),
            Spec.of("inLanguage", "inLanguage", "alternateName", "name"),
            Spec.of("dateModified", "dateModified"),
            Spec.of("identifier", "identifier", "value", "name"));

    private ServiceFields() {}

    static Map<String, List<String>> of(JsonNode service, Graph graph) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Spec spec : SPECS) {
            List<JsonNode> values = List.of(service);
            for (String property : spec.path()) {
                values = property(values, property, graph);
            }
            for (JsonNode value : values) {
                leaf(value, spec.leafKeys(), graph, spec.field(), fields);
            }
        }
        return fields;
    }

    /** The property's values on each node, arrays spread and references resolved. */
    private static List<JsonNode> property(List<JsonNode> nodes, String property, Graph graph) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode node : nodes) {
            JsonNode value = graph.resolve(node).get(property);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                value.forEach(element -> values.add(graph.resolve(element)));
            } else {
                values.add(graph.resolve(value));
            }
        }
        return values;
    }

    private static void leaf(
            JsonNode value, List<String> leafKeys, Graph graph, String field, Map<String, List<String>> fields) {
        if (value.isArray()) {
            value.forEach(element -> leaf(graph.resolve(element), leafKeys, graph, field, fields));
            return;
        }
        if (!value.isObject()) {
            add(fields, field, null, JsonDocuments.scalarText(value));
            return;
        }
        if (value.has("@value")) {
            add(fields, field, value.path("@language").asText(null), JsonDocuments.scalarText(value.get("@value")));
            return;
        }
        for (String key : leafKeys) {
            JsonNode inner = value.get(key);
            if (inner != null && !inner.isNull()) {
                leaf(graph.resolve(inner), List.of(), graph, field, fields);
                return;
            }
        }
        if (value.size() == 1 && value.path("@id").isTextual()) {
            add(fields, field, null, value.get("@id").asText()); // a reference to nothing on the page: its IRI
        }
    }

    private static void add(Map<String, List<String>> fields, String field, String language, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String name = language == null || KOREAN.contains(language.toLowerCase(Locale.ROOT))
                ? field
                : field + "@" + language.toLowerCase(Locale.ROOT);
        if (!SourceFields.isAcceptedName(name)) {
            return; // the page's language tag would make the name a display rendition
        }
        List<String> values = fields.computeIfAbsent(name, f -> new ArrayList<>());
        String value = text.strip();
        if (!values.contains(value)) {
            values.add(value);
        }
    }
}
