package org.onewindow.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConnectorConfigException(
                    "connector.settings: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
