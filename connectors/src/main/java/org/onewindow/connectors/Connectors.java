package org.onewindow.connectors;

import org.onewindow.connectors.html.HtmlConnector;
import org.onewindow.connectors.html.HtmlSettings;
import org.onewindow.mappings.source.ConnectorSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Creates the connector a source declares; settings are checked here, so bad ones fail at load, not mid-run. */
public final class Connectors {

    private static final ObjectMapper SETTINGS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Connectors() {
    }

    /** @param baseUrl the origin to use (the spec's own, or an operator's override) */
    public static SourceConnector create(ConnectorSpec spec, String baseUrl) {
        return switch (spec.kind()) {
            case HtmlConnector.KIND -> new HtmlConnector(baseUrl, settings(spec, HtmlSettings.class));
            default -> throw new ConnectorConfigException("unknown connector kind '" + spec.kind() + "' (known: html)");
        };
    }

    private static <T> T settings(ConnectorSpec spec, Class<T> type) {
        try {
            return SETTINGS.treeToValue(spec.settings(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConnectorConfigException("connector.settings: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
