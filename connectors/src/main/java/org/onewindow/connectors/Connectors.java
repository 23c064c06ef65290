package org.onewindow.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.onewindow.connectors.cpsv.CpsvConnector;
import org.onewindow.connectors.cpsv.CpsvSettings;
import org.onewindow.connectors.feed.FeedConnector;
import org.onewindow.connectors.feed.FeedSettings;
import org.onewindow.connectors.html.HtmlConnector;
import org.onewindow.connectors.html.HtmlSettings;
import org.onewindow.connectors.jsonapi.JsonApiConnector;
import org.onewindow.connectors.jsonapi.JsonApiSettings;
import org.onewindow.connectors.jsonld.JsonLdConnector;
import org.onewindow.connectors.jsonld.JsonLdSettings;
import org.onewindow.connectors.sitemap.SitemapConnector;
import org.onewindow.connectors.sitemap.SitemapSettings;
import org.onewindow.mappings.source.ConnectorSpec;
import org.onewindow.mappings.source.Suggestions;

/**
 * Creates the connector a source declares; settings are checked here, so bad ones fail at load, not mid-run.
 * A new kind of source is one connector class and one line in {@link #KINDS}.
 */
public final class Connectors {

    private static final ObjectMapper SETTINGS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Builds a connector from its base URL, its settings node and the environment (for secrets such as API keys). */
    @FunctionalInterface
    private interface Factory {
        SourceConnector create(String baseUrl, ConnectorSpec spec, Function<String, String> env);
    }

    private static final Map<String, Factory> KINDS = Map.of(
            HtmlConnector.KIND, (baseUrl, spec, env) -> new HtmlConnector(baseUrl, settings(spec, HtmlSettings.class)),
            JsonApiConnector.KIND,
                    (baseUrl, spec, env) -> new JsonApiConnector(baseUrl, settings(spec, JsonApiSettings.class), env),
            FeedConnector.KIND, (baseUrl, spec, env) -> new FeedConnector(baseUrl, settings(spec, FeedSettings.class)),
            JsonLdConnector.KIND,
                    (baseUrl, spec, env) -> new JsonLdConnector(baseUrl, settings(spec, JsonLdSettings.class)),
            SitemapConnector.KIND,
                    (baseUrl, spec, env) -> new SitemapConnector(baseUrl, settings(spec, SitemapSettings.class)),
            CpsvConnector.KIND, (baseUrl, spec, env) -> new CpsvConnector(baseUrl, settings(spec, CpsvSettings.class)));

    private Connectors() {}

    public static Set<String> kinds() {
        return new TreeSet<>(KINDS.keySet());
    }

    /** @param baseUrl the origin to use (the spec's own, or an operator's override) */
    public static SourceConnector create(ConnectorSpec spec, String baseUrl) {
        return create(spec, baseUrl, System::getenv);
    }

    /** @param env reads an environment variable: secrets a source names (its API key) come from there */
    public static SourceConnector create(ConnectorSpec spec, String baseUrl, Function<String, String> env) {
        Factory factory = KINDS.get(spec.kind());
        if (factory == null) {
            throw new ConnectorConfigException(
                    "unknown connector kind '" + spec.kind() + "' (known: " + String.join(", ", kinds()) + ")");
        }
        return factory.create(baseUrl, spec, env);
    }

    private static <T> T settings(ConnectorSpec spec, Class<T> type) {
        try {
            return SETTINGS.treeToValue(spec.settings(), type);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null
                    ? List.of()
                    : e.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .toList();
            throw new ConnectorConfigException(
                    "connector.settings" + parent(e) + ": unknown setting '" + e.getPropertyName() + "'"
                            + Suggestions.didYouMean(e.getPropertyName(), known),
                    e.getPropertyName(),
                    e);
        } catch (MismatchedInputException e) {
            String setting = lastKey(e);
            if (setting != null && e.getOriginalMessage().startsWith("Missing required creator property")) {
                throw missing(spec, e, setting);
            }
            throw new ConnectorConfigException(
                    "connector.settings" + path(e) + ": " + withoutClassNames(e.getOriginalMessage()), setting, e);
        } catch (JsonMappingException e) {
            String setting = lastKey(e);
            throw new ConnectorConfigException(
                    "connector.settings" + path(e) + ": " + withoutClassNames(e.getOriginalMessage()), setting, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConnectorConfigException(
                    "connector.settings: "
                            + withoutClassNames(
                                    e.getMessage().lines().findFirst().orElse("")),
                    e);
        }
    }

    private static String lastKey(JsonMappingException e) {
        return e.getPath().isEmpty()
                ? null
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
    }

    /**
     * A required setting is missing: named, with the key beside it that looks like a misspelling of it (Jackson sees
     * the missing one before the unknown one), whose line the reader is then pointed at.
     */
    private static ConnectorConfigException missing(ConnectorSpec spec, MismatchedInputException e, String setting) {
        JsonNode parent = spec.settings();
        for (JsonMappingException.Reference reference :
                e.getPath().subList(0, e.getPath().size() - 1)) {
            parent = reference.getFieldName() != null
                    ? parent.path(reference.getFieldName())
                    : parent.path(reference.getIndex());
        }
        String misspelt = null;
        for (var names = parent.fieldNames(); names.hasNext() && misspelt == null; ) {
            String name = names.next();
            if (!Suggestions.didYouMean(name, List.of(setting)).isEmpty()) {
                misspelt = name;
            }
        }
        return new ConnectorConfigException(
                "connector.settings" + parent(e) + ": missing setting '" + setting + "'"
                        + (misspelt == null ? "" : " ('" + misspelt + "': did you mean '" + setting + "'?)"),
                misspelt != null ? misspelt : setting,
                e);
    }

    /** Where in the settings the problem is: {@code .list.itemSelector}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.append(
                    reference.getFieldName() != null
                            ? "." + reference.getFieldName()
                            : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    /** The object holding an unknown setting: {@code .list}. */
    private static String parent(JsonMappingException e) {
        String path = path(e);
        int last = path.lastIndexOf('.');
        return last <= 0 ? "" : path.substring(0, last);
    }

    /** Jackson's words for the reader of a mapping file, not for a Java programmer: no class names, no hints about annotations. */
    static String withoutClassNames(String message) {
        return message.replaceAll(
                        "`?(?:[a-z_$][a-z0-9_$]*\\.)+([A-Za-z_$][A-Za-z0-9_$]*\\$)?([A-Za-z_$][A-Za-z0-9_$]*)`?", "$2")
                .replaceAll("\\s*\\(through reference chain:.*\\)", "")
                .replaceAll(" \\(for Object starting at.*", "")
                .strip();
    }
}
