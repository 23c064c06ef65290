package org.onewindow.mappings.source;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one mapping file into a {@link SourceDefinition}, or explains precisely why it cannot:
 * {@code sources/mohw.yaml:14: unknown field 'benfits' (did you mean 'benefits'?)}. {@link FileCheck} first checks
 * keys and the values it can judge alone, with their lines; Jackson then reads the file.
 */
public final class SourceDefinitionReader {

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // An explicit null is an error; optional properties opt out with @JsonSetter(nulls = Nulls.SET) and
            // default in their constructor (the FAIL_ON_*_CREATOR_PROPERTIES features made every property mandatory).
            .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL))
            .build();

    public Result read(String fileName, String text) {
        SourceDefinition definition;
        try {
            List<String> problems;
            try (JsonParser parser = yaml.createParser(text)) {
                problems = FileCheck.check(fileName, parser);
            }
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            definition = yaml.readValue(text, SourceDefinition.class);
        } catch (JsonProcessingException e) {
            return Result.failed(fileName + ":" + line(e.getLocation()) + ": " + message(e));
        } catch (IOException | IllegalArgumentException e) {
            return Result.failed(fileName + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        String expectedId = fileName.replaceAll("^.*/", "").replaceAll("\\.ya?ml$", "");
        if (!definition.id().equals(expectedId)) {
            problems.add(fileName + ": id '" + definition.id() + "' must match the file name '" + expectedId + "'");
        }
        if (!definition.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            problems.add(fileName + ": id '" + definition.id() + "' must be lower-case letters, digits and '-'");
        }
        if (!definition.fields().containsKey(TargetField.NAME)) {
            problems.add(fileName + ": fields must map 'name'");
        }
        return problems.isEmpty() ? new Result(definition, List.of()) : new Result(null, problems);
    }

    private static String line(JsonLocation location) {
        int line = FileCheck.line(location);
        return line == 0 ? "?" : Integer.toString(line);
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known =
                    unknown.getKnownPropertyIds().stream().map(Object::toString).toList();
            return "unknown field '" + unknown.getPropertyName() + "'"
                    + Suggestions.didYouMean(unknown.getPropertyName(), known);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        return e.getOriginalMessage();
    }

    /** Either a definition or the problems that kept the file from loading. */
    public record Result(SourceDefinition definition, List<String> problems) {
        static Result failed(String problem) {
            return new Result(null, List.of(problem));
        }

        public boolean ok() {
            return definition != null;
        }
    }
}
