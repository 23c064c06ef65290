package org.onewindow.connectors.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-LD blocks of one page as one graph: finds the schema.org service among its nodes (inside {@code @graph},
 * arrays or other nodes) and resolves {@code {"@id": …}} references to the node that describes them.
 */
final class Graph {

    private static final String GOVERNMENT_SERVICE = "GovernmentService";
    private static final String SERVICE = "Service";

    private final List<JsonNode> blocks;
    private final Map<String, JsonNode> nodesById = new HashMap<>();

    Graph(List<JsonNode> blocks) {
        this.blocks = List.copyOf(blocks);
        for (JsonNode block : blocks) {
            visit(block, node -> {
                JsonNode id = node.get("@id");
                if (id != null && id.isTextual() && node.size() > 1) {
                    nodesById.putIfAbsent(id.asText(), node);
                }
            });
        }
    }

    /** The first GovernmentService, else the first Service, in document order. */
    Optional<JsonNode> service() {
        List<JsonNode> services = new ArrayList<>();
        blocks.forEach(block -> visit(block, node -> {
            if (hasType(node, GOVERNMENT_SERVICE) || hasType(node, SERVICE)) {
                services.add(node);
            }
        }));
        return services.stream()
                .filter(node -> hasType(node, GOVERNMENT_SERVICE))
                .findFirst()
                .or(() -> services.stream().findFirst());
    }

    /** Every type named in the graph, for telling what a page holds instead of a service. */
    Set<String> types() {
        Set<String> types = new LinkedHashSet<>();
        blocks.forEach(block -> visit(block, node -> typesOf(node).forEach(types::add)));
        return types;
    }

    /** The node a reference points to, or the value itself. */
    JsonNode resolve(JsonNode value) {
        if (value != null
                && value.isObject()
                && value.size() == 1
                && value.path("@id").isTextual()) {
            return nodesById.getOrDefault(value.get("@id").asText(), value);
        }
        return value;
    }

    private static boolean hasType(JsonNode node, String type) {
        return typesOf(node).contains(type);
    }

    /** Local type names: {@code schema:Service} and {@code https://schema.org/Service} are {@code Service}. */
    private static List<String> typesOf(JsonNode node) {
        JsonNode type = node.get("@type");
        List<String> names = new ArrayList<>();
        if (type == null) {
            return names;
        }
        for (JsonNode one : type.isArray() ? type : List.of(type)) {
            if (one.isTextual()) {
                String name = one.asText().strip();
                names.add(name.substring(
                        Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf(':'), name.lastIndexOf('#'))) + 1));
            }
        }
        return names;
    }

    private interface Visitor {
        void object(JsonNode node);
    }

    /** Objects depth-first, parents before children. */
    private static void visit(JsonNode node, Visitor visitor) {
        if (node.isObject()) {
            visitor.object(node);
            node.properties().forEach(property -> {
                if (!property.getKey().equals("@context")) {
                    visit(property.getValue(), visitor);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> visit(element, visitor));
        }
    }
}
