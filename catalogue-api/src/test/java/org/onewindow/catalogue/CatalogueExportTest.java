package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.onewindow.catalogue.export.CatalogueExports;
import org.onewindow.mappings.index.ServiceIndex;

/**
 * The catalogue export: its IRIs on the configured public base URL whatever the request says, and one document per
 * catalogue version, written once however many ask for it at the same moment, its ETag that version's.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class CatalogueExportTest {

    /** {@code %test.onewindow.api.public-base-url}. */
    private static final String PUBLIC_BASE_URL = "https://catalogue.example";

    private static final String CATALOGUE = "/api/v1/catalogue.jsonld";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RestClient elasticsearch;

    @Inject
    CatalogueExports exports;

    @TestHTTPResource(CATALOGUE)
    URI catalogue;

    @Test
    void everyIriIsOnTheConfiguredBaseWhateverHostTheRequestNames() throws IOException {
        String body = given().header("Host", "attacker.example")
                .get(CATALOGUE)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(body).doesNotContain("attacker.example");
        List<String> ids = new ArrayList<>();
        JSON.readTree(body)
                .path("@graph")
                .forEach(node -> ids.add(node.path("@id").asText()));
        assertThat(ids.stream().filter(id -> id.contains("/api/v1/")))
                .hasSizeGreaterThan(CatalogueServicesTestResource.FIXTURE_SERVICES)
                .allSatisfy(id -> assertThat(id).startsWith(PUBLIC_BASE_URL + "/api/v1/"));
    }

    @Test
    void aBurstOfRequestsForANewVersionWritesItsDocumentOnceAndAnUnchangedCatalogueIsRevalidatedWithoutWritingIt()
            throws Exception {
        String unchangedEtag =
                given().get(CATALOGUE).then().statusCode(200).extract().header("ETag");
        String id = "export-test-added";
        index(id);
        try {
            long writtenBefore = exports.builds();

            List<HttpResponse<String>> burst = burst(10);

            assertThat(burst)
                    .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
            assertThat(burst.stream().map(HttpResponse::body).distinct())
                    .as("one version, one document")
                    .hasSize(1);
            assertThat(burst.get(0).body()).contains(PUBLIC_BASE_URL + "/api/v1/services/" + id);
            assertThat(burst.stream()
                            .map(answer -> answer.headers().firstValue("ETag").orElseThrow())
                            .distinct())
                    .hasSize(1);
            assertThat(exports.builds()).as("documents written for the burst").isEqualTo(writtenBefore + 1);
            String addedEtag = burst.get(0).headers().firstValue("ETag").orElseThrow();
            assertThat(addedEtag).isNotEqualTo(unchangedEtag);

            Response revalidated = given().header("If-None-Match", addedEtag).get(CATALOGUE);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.header("ETag")).isEqualTo(addedEtag);
            assertThat(exports.builds())
                    .as("documents written for a revalidation")
                    .isEqualTo(writtenBefore + 1);
        } finally {
            delete(id);
        }
        Response restored = given().header("If-None-Match", unchangedEtag).get(CATALOGUE);
        assertThat(restored.statusCode())
                .as("the catalogue back as it was has the ETag it had")
                .isEqualTo(304);
        Response current = given().get(CATALOGUE);
        assertThat(current.header("ETag")).isEqualTo(unchangedEtag);
        assertThat(current.asString()).doesNotContain(id);
    }

    private List<HttpResponse<String>> burst(int requests) {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return http.send(
                                        HttpRequest.newBuilder(catalogue).build(),
                                        HttpResponse.BodyHandlers.ofString());
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        },
                        clients));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }

    /**
     * Indexes a service that has nothing but its id, visible to searches at once. No text field: even deleted, a
     * document would count in the relevance statistics other tests' scores (and the cursors made of them) use.
     */
    private void index(String id) throws IOException {
        Request request = new Request("PUT", "/" + ServiceIndex.ALIAS + "/_doc/" + id);
        request.addParameter("refresh", "true");
        request.setJsonEntity(JSON.createObjectNode().put("id", id).toString());
        elasticsearch.performRequest(request);
    }

    private void delete(String id) throws IOException {
        Request request = new Request("DELETE", "/" + ServiceIndex.ALIAS + "/_doc/" + id);
        request.addParameter("refresh", "true");
        elasticsearch.performRequest(request);
    }
}
