package org.onewindow.harvester;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.mappings.index.ServiceIndex;

/** What the harvester tests do through the operator API and read back from Elasticsearch. */
public final class OperatorCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OperatorCalls() {}

    public static RequestSpecification operator() {
        return given().auth().oauth2(LocalServicesTestResource.OPERATOR_KEY);
    }

    /** Issues an agency's key, as an operator does, and returns the key (shown this once). */
    public static String issueAgencyKey(String name, String agencyCode) {
        return operator()
                .contentType("application/json")
                .body(Map.of("name", name, "role", "agency", "agencyCode", agencyCode))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("key");
    }

    /** The catalogue id of a source's record, by the source's own id for it. */
    public static String recordId(String sourceId, String sourceRecordId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.<CatalogueRecord>find(
                                "sourceId = ?1 and sourceRecordId = ?2", sourceId, sourceRecordId)
                        .firstResult()
                        .id);
    }

    /** Waits until the record's indexed Korean name ends so: the change reached search. */
    public static void awaitIndexedName(RestClient elasticsearch, String id, String ending) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(indexedDocument(elasticsearch, id)
                                .path("name")
                                .path("ko")
                                .asText())
                        .endsWith(ending));
    }

    public static long startRun(String source) {
        return operator()
                .post("/api/v1/sources/{id}/runs", source)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** Waits until the run is no longer running (it may be held for review) and returns it. */
    public static JsonPath awaitEnd(long runId) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !"running".equals(run(runId).getString("status")));
        return run(runId);
    }

    public static JsonPath run(long runId) {
        return operator()
                .get("/api/v1/runs/{id}", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static JsonPath runToEnd(String source) {
        return awaitEnd(startRun(source));
    }

    public static List<String> errors(long runId) {
        return operator()
                .get("/api/v1/runs/{id}/errors", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("collect { it.stage + ' ' + it.recordId + ' ' + it.message }");
    }

    public static long indexedCount(RestClient elasticsearch) throws IOException {
        var response = elasticsearch.performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_count"));
        return JSON.readTree(response.getEntity().getContent()).path("count").asLong();
    }

    /** Documents of one source in the index. */
    public static long indexedCount(RestClient elasticsearch, String sourceId) throws IOException {
        Request count = new Request("GET", "/" + ServiceIndex.ALIAS + "/_count");
        count.setJsonEntity(JSON.createObjectNode()
                .set(
                        "query",
                        JSON.createObjectNode()
                                .set("term", JSON.createObjectNode().put("sourceId", sourceId)))
                .toString());
        return JSON.readTree(elasticsearch.performRequest(count).getEntity().getContent())
                .path("count")
                .asLong();
    }

    /** The one index the alias points at: a rebuild names a fresh one, so tests never assume its name. */
    public static String indexBehindAlias(RestClient elasticsearch) throws IOException {
        JsonNode aliases = JSON.readTree(elasticsearch
                .performRequest(new Request("GET", "/_alias/" + ServiceIndex.ALIAS))
                .getEntity()
                .getContent());
        if (aliases.size() != 1) {
            throw new AssertionError("the alias points at " + aliases.size() + " indices: " + aliases);
        }
        return aliases.fieldNames().next();
    }

    public static JsonNode indexedDocument(RestClient elasticsearch, String id) throws IOException {
        var response = elasticsearch.performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_doc/" + id));
        return JSON.readTree(response.getEntity().getContent()).path("_source");
    }

    /** Every indexed document's id and Elasticsearch version. */
    public static Map<String, Long> indexedVersions(RestClient elasticsearch) throws IOException {
        Request search = new Request("GET", "/" + ServiceIndex.ALIAS + "/_search");
        search.setJsonEntity("{\"size\":10000,\"version\":true,\"_source\":false,\"query\":{\"match_all\":{}}}");
        JsonNode hits = JSON.readTree(
                        elasticsearch.performRequest(search).getEntity().getContent())
                .path("hits")
                .path("hits");
        Map<String, Long> versions = new HashMap<>();
        hits.forEach(hit ->
                versions.put(hit.path("_id").asText(), hit.path("_version").asLong()));
        return versions;
    }
}
