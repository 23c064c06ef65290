package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.catalogue.api.OpenApiExamples;

/**
 * The examples of the OpenAPI document are what the API answers: each example's request is sent to the API over the
 * demo catalogue and its answer must equal the example (links made on {@value #EXAMPLE_ORIGIN}). When an answer
 * changes on purpose, the new example is written to {@code target/openapi-examples/} to be copied over the old one.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class OpenApiExamplesTest {

    static final String EXAMPLE_ORIGIN = "https://catalogue.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEndpointOfThePublicApiHasAnExampleAnswer() {
        JsonNode paths = JSON.valueToTree(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .<Map<String, Object>>path("paths"));
        List<String> withoutExample = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            JsonNode ok =
                    path.getValue().path("get").path("responses").path("200").path("content");
            boolean hasExample = false;
            for (JsonNode media : ok) {
                hasExample |= media.path("examples").size() > 0;
            }
            if (path.getKey().startsWith("/api/v1/") && !hasExample) {
                withoutExample.add(path.getKey());
            }
        });
        assertThat(withoutExample).as("GET endpoints without an example answer").isEmpty();
        assertThat(paths.path("/api/v1/services")
                        .path("get")
                        .path("responses")
                        .path("400")
                        .path("content")
                        .path("application/problem+json")
                        .path("examples")
                        .size())
                .isPositive();
    }

    @Test
    void eachExampleIsWhatTheApiAnswersToItsRequest() throws IOException {
        List<String> outdated = new ArrayList<>();
        for (OpenApiExamples.Example example : OpenApiExamples.all()) {
            String request = example.request();
            assertThat(request).as(example.file()).startsWith("GET /api/v1/");
            // An app asks for JSON (or JSON-LD); problems come back as problem JSON whatever it asked for.
            String accept = example.status() == 200 ? example.accept() : "application/json";
            Response answer = given().urlEncodingEnabled(false).accept(accept).get(encoded(request.substring(4)));
            assertThat(answer.statusCode()).as(example.file()).isEqualTo(example.status());
            assertThat(answer.contentType()).as(example.file()).startsWith(example.accept());
            String origin = "http://localhost:" + RestAssured.port;
            JsonNode live = JSON.readTree(answer.asString().replace(origin, EXAMPLE_ORIGIN));
            JsonNode body = example.body().isObject() && example.body().has("@graph") ? firstOfGraph(live) : live;
            if (!body.equals(example.body())) {
                ObjectNode updated = JSON.createObjectNode()
                        .put("operation", example.operation())
                        .put("request", request)
                        .put("accept", example.accept())
                        .put("status", example.status())
                        .put("summary", example.summary());
                updated.set("body", body);
                Path file = Path.of("target/openapi-examples", example.file());
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(updated) + "\n");
                outdated.add(example.file());
            }
        }
        assertThat(outdated)
                .as("examples differing from the API's answers; the answers are in target/openapi-examples/,"
                        + " copy them to src/main/resources/openapi-examples/ if the change is meant")
                .isEmpty();
    }

    /** The catalogue example keeps only the first service of the graph. */
    private static JsonNode firstOfGraph(JsonNode live) {
        ObjectNode trimmed = live.deepCopy();
        ArrayNode graph = JSON.createArrayNode();
        graph.add(live.path("@graph").path(0));
        trimmed.set("@graph", graph);
        return trimmed;
    }

    private static String encoded(String pathAndQuery) {
        StringBuilder out = new StringBuilder();
        for (char c : pathAndQuery.toCharArray()) {
            if (c == ' ' || c > 127) {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
