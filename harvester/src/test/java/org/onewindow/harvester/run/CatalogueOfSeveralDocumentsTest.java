package org.onewindow.harvester.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.RecordStatus;

/**
 * A CPSV-AP catalogue published as two documents, harvested through the whole pipeline: each service one record with
 * what both documents say of it, known by its IRI; a second document that cannot be read leaves every record as it
 * was.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class CatalogueOfSeveralDocumentsTest {

    private static final String SOURCE = "split-cpsv";
    private static final String PASSPORT = "https://www.suomi.fi/palvelut/passport";

    private static String mapping() {
        return """
                id: %s
                agency: {code: "9990003", name: Digital and Population Data Services Agency, type: central}
                licence: {type: CC-BY-4.0}
                connector:
                  kind: cpsv-ap
                  baseUrl: %s
                  settings:
                    catalogue: [/split/services.ttl, /split/channels.ttl]
                schedule: "0 0 3 * * ?"
                politeness: {delayMillis: 0}
                language: en
                fields:
                  name: title
                  summary: description
                  contact: telephone
                  keywords: keyword
                  authorityName: competentAuthority
                  authorityCode: competentAuthorityId
                """.formatted(SOURCE, LocalServicesTestResource.site().baseUrl());
    }

    private static void serve(String path, byte[] body) {
        LocalServicesTestResource.site()
                .server()
                .stubFor(get(urlPathEqualTo(path))
                        .atPriority(0)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/turtle; charset=utf-8")
                                .withBody(body)));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in =
                CatalogueOfSeveralDocumentsTest.class.getResourceAsStream("/fixtures/cpsv-ap-split/" + name)) {
            return in.readAllBytes();
        }
    }

    private static CatalogueRecord passport() {
        return QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.<CatalogueRecord>find(
                                "sourceId = ?1 and sourceRecordId = ?2", SOURCE, PASSPORT)
                        .firstResult());
    }

    @AfterEach
    void theSourceGoes() {
        AgencySiteDouble.removeStubsUnder("/split/");
        OperatorCalls.operator().delete("/api/v1/sources/{id}", SOURCE);
    }

    @Test
    void eachServiceIsOneRecordWithWhatEveryDocumentSaysAndAnUnreadableDocumentChangesNothing() throws Exception {
        serve("/split/services.ttl", fixture("services.ttl"));
        serve("/split/channels.ttl", fixture("channels.ttl"));
        OperatorCalls.operator()
                .contentType("application/yaml")
                .body(mapping().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true}")
                .put("/api/v1/sources/{id}/settings", SOURCE)
                .then()
                .statusCode(200);

        JsonPath first = OperatorCalls.runToEnd(SOURCE);

        assertThat(first.getString("status")).isEqualTo("succeeded");
        assertThat(first.getInt("counts.added")).isEqualTo(2);
        CatalogueRecord passport = passport();
        JsonNode record = new ObjectMapper().readTree(passport.document);
        assertThat(record.path("name").path("en").asText()).isEqualTo("Passport");
        assertThat(record.has("name") && !record.path("name").has("ko")).isTrue();
        assertThat(record.path("language").asText()).isEqualTo("en");
        assertThat(record.path("contact").asText())
                .as("from the second document")
                .isEqualTo("+358 295 419 800");
        assertThat(record.path("keywords").get(0).asText()).isEqualTo("travel document");
        assertThat(record.path("competentAuthority").path("name").asText()).isEqualTo("Police of Finland");
        assertThat(record.path("competentAuthority").path("code").asText()).isEqualTo("FI-POLICE");

        serve(
                "/split/channels.ttl",
                "<https://www.suomi.fi/palvelut/passport> dct:title \"broken".getBytes(StandardCharsets.UTF_8));
        JsonPath second = OperatorCalls.runToEnd(SOURCE);

        assertThat(second.getString("status")).isEqualTo("failed");
        assertThat(List.of(
                        second.getInt("counts.added"),
                        second.getInt("counts.updated"),
                        second.getInt("counts.withdrawn")))
                .containsOnly(0);
        CatalogueRecord after = passport();
        assertThat(after.status).isEqualTo(RecordStatus.ACTIVE);
        assertThat(after.revision).isEqualTo(passport.revision);
        assertThat(after.contentHash).isEqualTo(passport.contentHash);
        assertThat(OperatorCalls.errors(second.getLong("id")))
                .anySatisfy(error -> assertThat(error).contains("unreadable CPSV-AP catalogue"));
    }
}
