package org.onewindow.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.assertj.core.api.AbstractStringAssert;
import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.ConnectorSpec;
import org.onewindow.mappings.source.SourceDefinition;

/** Saved documents under {@code src/test/resources/fixtures/<source>/}, and connectors built as a mapping file would. */
public final class Fixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Fixtures() {}

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

    /** Asserts the listing page was unreadable (no records, no further page) and gives its reason to assert on. */
    public static AbstractStringAssert<?> assertUnreadable(GatherResult result) {
        assertThat(result.records()).isEmpty();
        assertThat(result.next()).isEmpty();
        assertThat(result.alsoRead()).isEmpty();
        return assertThat(result.failure())
                .as("why the listing page is unreadable")
                .get(STRING);
    }

    /** The mapping file bundled in the mappings module for the source id. */
    public static SourceDefinition bundledSource(String id) {
        return BundledSources.readAll().stream()
                .filter(file -> file.fileName().equals(BundledSources.FOLDER + id + ".yaml"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no bundled mapping file " + id + ".yaml"))
                .result()
                .definition();
    }

    public static SourceConnector connector(String kind, String baseUrl, String settingsYaml) {
        return Connectors.create(new ConnectorSpec(kind, baseUrl, settings(settingsYaml)), baseUrl);
    }

    public static SourceConnector connector(
            String kind, String baseUrl, JsonNode settings, Function<String, String> env) {
        return Connectors.create(new ConnectorSpec(kind, baseUrl, settings), baseUrl, env);
    }
}
