package org.onewindow.harvester.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;

/** A mapping file sent in a request body, read as a file of its own id: the definition, or the 400 to answer. */
record PostedMapping(SourceDefinition definition, Response problem) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SourceDefinitionReader READER = new SourceDefinitionReader();

    static PostedMapping read(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return new PostedMapping(
                    null,
                    Problem.response(Response.Status.BAD_REQUEST, "the body must be a mapping file (YAML)", List.of()));
        }
        SourceDefinitionReader.Result result = READER.read("sources/" + declaredId(mapping) + ".yaml", mapping);
        if (!result.ok()) {
            return new PostedMapping(
                    null,
                    Problem.response(
                            Response.Status.BAD_REQUEST,
                            "the mapping file has problems",
                            result.problems().stream()
                                    .map(p -> new Problem.ParameterError("mapping", p))
                                    .toList()));
        }
        return new PostedMapping(result.definition(), null);
    }

    boolean ok() {
        return definition != null;
    }

    /** A 400 for connector settings that cannot work (the connector refused them). */
    static Response unworkable(RuntimeException e) {
        return Problem.response(
                Response.Status.BAD_REQUEST,
                "the connector settings cannot work",
                List.of(new Problem.ParameterError("mapping", e.getMessage())));
    }

    /** The file's own id, so the reader's file-name rule holds for a file that has no name yet. */
    private static String declaredId(String mapping) {
        try {
            JsonNode id = YAML.readTree(mapping).path("id");
            return id.isTextual() ? id.asText() : "dry-run";
        } catch (Exception e) {
            return "dry-run";
        }
    }
}
