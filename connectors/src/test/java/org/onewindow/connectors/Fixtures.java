package org.onewindow.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.ConnectorSpec;
import org.onewindow.mappings.source.SourceDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Saved documents under {@code src/test/resources/fixtures/<source>/}, and connectors built as a mapping file would. */
public final class Fixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Fixtures() {
    }

    public static byte[] bytes(String source, String fileName) {
        String path = "/fixtures/" + source + "/" + fileName;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code connector.settings} of a mapping file, written as YAML. */
    public static JsonNode settings(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping file bundled in the mappings module for the source id. */
    public static SourceDefinition bundledSource(String id) {
        return BundledSources.readAll().stream()
                .filter(file -> file.fileName().equals(BundledSources.FOLDER + id + ".yaml"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no bundled mapping file " + id + ".yaml"))
                .result().definition();
    }

    public static SourceConnector connector(String kind, String baseUrl, String settingsYaml) {
        return Connectors.create(new ConnectorSpec(kind, baseUrl, settings(settingsYaml)), baseUrl);
    }

    public static SourceConnector connector(String kind, String baseUrl, JsonNode settings, Function<String, String> env) {
        return Connectors.create(new ConnectorSpec(kind, baseUrl, settings), baseUrl, env);
    }
}
