package org.onewindow.harvester.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;

/** A mapping file sent in a request body, read as a file of its own id: the definition, or the 400 to answer. */
record PostedMapping(SourceDefinition definition, Response problem, String text, String fileName) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SourceDefinitionReader READER = new SourceDefinitionReader();

    static PostedMapping read(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return new PostedMapping(
                    null,
                    Problem.response(Response.Status.BAD_REQUEST, "the body must be a mapping file (YAML)", List.of()),
                    mapping,
                    null);
        }
        String fileName = "sources/" + declaredId(mapping) + ".yaml";
        SourceDefinitionReader.Result result = READER.read(fileName, mapping);
        if (!result.ok()) {
            return new PostedMapping(
                    null,
                    Problem.response(
                            Response.Status.BAD_REQUEST,
                            "the mapping file has problems",
                            result.problems().stream()
                                    .map(p -> new Problem.ParameterError("mapping", p))
                                    .toList()),
                    mapping,
                    fileName);
        }
        return new PostedMapping(result.definition(), null, mapping, fileName);
    }

    boolean ok() {
        return definition != null;
    }

    /**
     * A 400 for connector settings that cannot work (the connector refused them), pointing at the line of the setting
     * the problem is about when the connector names one.
     */
    Response unworkable(RuntimeException e) {
        String where = e instanceof ConnectorConfigException config && config.setting() != null
                ? lineOf(config.setting())
                        .map(line -> fileName + ":" + line + ": ")
                        .orElse("")
                : "";
        return Problem.response(
                Response.Status.BAD_REQUEST,
                "the connector settings cannot work",
                List.of(new Problem.ParameterError("mapping", where + e.getMessage())));
    }

    /** The line of the first key of this name after the file's {@code connector:} (1-based). */
    private Optional<Integer> lineOf(String key) {
        Pattern keyLine = Pattern.compile("^\\s*(- )?['\"]?" + Pattern.quote(key) + "['\"]?\\s*:");
        List<String> lines = text.lines().toList();
        boolean inConnector = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            inConnector |= line.startsWith("connector:");
            if (inConnector && keyLine.matcher(line).find()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
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
