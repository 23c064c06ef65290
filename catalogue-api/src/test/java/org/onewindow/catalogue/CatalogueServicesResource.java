package org.onewindow.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.runtime.TestBackends;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Elasticsearch node with the catalogue index (our analyzers) filled with fixture services, and a real
 * PostgreSQL, shared by the module's tests.
 */
public class CatalogueServicesResource implements QuarkusTestResourceLifecycleManager {

    /** The demo catalogue: every service of the six demo agency sites, as the harvester maps them. */
    static final int FIXTURE_SERVICES = 314;

    private static TestBackends backends;

    @Override
    public Map<String, String> start() {
        backends = TestBackends.start(Path.of("target/test-services"));
        loadFixtures();
        return backends.quarkusConfig();
    }

    private static void loadFixtures() {
        call("PUT", "/" + ServiceIndex.INDEX, ServiceIndex.definitionJson());
        call("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + ServiceIndex.INDEX + "\",\"alias\":\"" + ServiceIndex.ALIAS + "\"}}]}");
        StringBuilder bulk = new StringBuilder();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (InputStream in = CatalogueServicesResource.class.getResourceAsStream("/fixtures/demo-catalogue/services.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String id = json.readTree(line).path("id").asText();
                bulk.append("{\"index\":{\"_index\":\"").append(ServiceIndex.ALIAS).append("\",\"_id\":\"").append(id).append("\"}}\n")
                        .append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        call("POST", "/_bulk?refresh=true", bulk.toString());
    }

    private static void call(String method, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(backends.elasticsearch().httpUrl() + path))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (backends != null) {
            backends.close();
        }
    }
}
