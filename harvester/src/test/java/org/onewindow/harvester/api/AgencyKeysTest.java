package org.onewindow.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.onewindow.harvester.TestMappings.mohwWelfareAs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.store.ApiKey;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.SourceVersion;

/** Operators issue keys; an agency's key acts on its own sources only, and a revoked key stops at once. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class AgencyKeysTest {

    /** 보건복지부, the agency of the bundled mapping the tests post. */
    private static final String MOHW = "1352000";

    private static final String OTHER_AGENCY = "6110000";

    /** A source an agency's mapping makes name each page's own authority. */
    private static final String CLAIMING_SOURCE = "agency-claims-others";

    @Inject
    CataloguePublisher publisher;

    @AfterEach
    void withdrawWhatTheTestHarvested() throws IOException {
        TestRecords.withdraw(publisher, "sourceId = ?1", CLAIMING_SOURCE);
    }

    @BeforeEach
    void allowTheAgencyItsSite() {
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"hosts\": [\"127.0.0.1\"]}")
                .queryParam("reason", "the ministry's board (test double on loopback)")
                .put("/api/v1/agencies/{code}/hosts", MOHW)
                .then()
                .statusCode(200);
    }

    @Test
    void anIssuedKeyIsShownOnceAndOnlyItsHashIsKept() {
        String key = OperatorCalls.issueAgencyKey("복지로 팀", MOHW);

        assertThat(key).startsWith("owk_").hasSizeGreaterThan(40);
        OperatorCalls.operator()
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .body("name", hasItem("복지로 팀"))
                .body("[0]", not(hasKey("key")))
                .body("[0].keyPrefix", equalTo(key.substring(0, 10)))
                .body("[0].createdBy", equalTo("operator"));
        ApiKey stored = QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.<ApiKey>find("name", "복지로 팀").firstResult());
        assertThat(stored.keyHash).isEqualTo(RecordStore.sha256(key)).doesNotContain(key);
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"name\": \"no agency\", \"role\": \"agency\"}")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("agencyCode"));
    }

    @Test
    void anAgencyKeyActsOnItsOwnSourcesAndIsRefusedEverywhereElseChangingNothing() throws IOException {
        String mohw = OperatorCalls.issueAgencyKey("보건복지부 담당자", MOHW);
        String other = OperatorCalls.issueAgencyKey("서울시 담당자", OTHER_AGENCY);
        String id = "agency-made";

        yaml(mohw, mohwWelfareAs(id, "0 0 3 * * ?"))
                .queryParam("reason", "our second board")
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(mohw)
                .get("/api/v1/sources/{id}/versions", id)
                .then()
                .statusCode(200)
                .body("[0].changedBy", startsWith("보건복지부 담당자 (key "))
                .body("[0].changedBy", containsString("agency " + MOHW));
        given().auth()
                .oauth2(mohw)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("agency.code", everyItem(equalTo(MOHW)));
        long run = given().auth()
                .oauth2(mohw)
                .post("/api/v1/sources/{id}/runs", id)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(OperatorCalls.awaitEnd(run).getString("requestedBy")).startsWith("보건복지부 담당자");

        // another agency: refused at every step
        given().auth().oauth2(other).get("/api/v1/sources/{id}", id).then().statusCode(403);
        given().auth()
                .oauth2(other)
                .get("/api/v1/sources/{id}/versions", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(other)
                .post("/api/v1/sources/{id}/runs", id)
                .then()
                .statusCode(403);
        given().auth().oauth2(other).get("/api/v1/runs/{id}", run).then().statusCode(403);
        given().auth().oauth2(other).get("/api/v1/runs/{id}/errors", run).then().statusCode(403);
        given().auth()
                .oauth2(other)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        yaml(other, mohwWelfareAs(id, "0 0 5 * * ?"))
                .put("/api/v1/sources/{id}/mapping", id)
                .then()
                .statusCode(403);
        yaml(other, mohwWelfareAs("posing-as-mohw", "0 0 5 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(403)
                .body("detail", containsString("agency.code is " + MOHW));
        yaml(other, mohwWelfareAs(id, "0 0 5 * * ?"))
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(403);

        // the agency itself: not an operator's actions, not a host it was not allowed
        given().auth()
                .oauth2(mohw)
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true}")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(403)
                .body("detail", containsString("operators only"));
        given().auth().oauth2(mohw).delete("/api/v1/sources/{id}", id).then().statusCode(403);
        given().auth()
                .oauth2(mohw)
                .post("/api/v1/sources/{id}/disable", id)
                .then()
                .statusCode(403);
        given().auth().oauth2(mohw).get("/api/v1/keys").then().statusCode(403);
        given().auth()
                .oauth2(mohw)
                .contentType("application/json")
                .body("{\"hosts\": [\"evil.example\"]}")
                .put("/api/v1/agencies/{code}/hosts", MOHW)
                .then()
                .statusCode(403);
        yaml(mohw, mohwWelfareAs("elsewhere", "0 0 3 * * ?").replace("http://127.0.0.1", "http://localhost"))
                .post("/api/v1/sources")
                .then()
                .statusCode(403)
                .body("detail", containsString("PUT /api/v1/agencies/" + MOHW + "/hosts"));

        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SourceVersion.of(id).size()))
                .as("nothing the refused calls asked for was changed")
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Source.count("id in ?1", List.of("posing-as-mohw", "elsewhere"))))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).enabled))
                .isTrue();
    }

    @Test
    void aRevokedKeyStopsAtOnceAndItsAgencysSourcesKeepRunning() throws IOException {
        String key = OperatorCalls.issueAgencyKey("a leaver's key", MOHW);
        String id = "agency-kept";
        yaml(key, mohwWelfareAs(id, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        long keyId = QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.<ApiKey>find("name", "a leaver's key").firstResult().id);

        OperatorCalls.operator()
                .delete("/api/v1/keys/{id}", keyId)
                .then()
                .statusCode(200)
                .body("revokedBy", equalTo("operator"));

        given().auth().oauth2(key).get("/api/v1/sources/{id}", id).then().statusCode(401);
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}", id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true));
        OperatorCalls.operator().delete("/api/v1/keys/{id}", 999_999).then().statusCode(404);
    }

    @Test
    void anAgencysMappingPublishesOnlyAsThatAgencyUnlessAnOperatorAllowsOthers() throws IOException {
        String key = OperatorCalls.issueAgencyKey("보건복지부 편집자", MOHW);
        String id = CLAIMING_SOURCE;
        String claimsEachPagesAuthority = mohwWelfareAs(id, "0 0 3 * * ?")
                .replace("  contact: contact\n", "  contact: contact\n  authorityName: authority\n");
        yaml(key, claimsEachPagesAuthority).post("/api/v1/sources").then().statusCode(201);
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true}")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(200);

        JsonPath refused = OperatorCalls.runToEnd(id);
        assertThat(refused.getInt("counts.added")).isZero();
        assertThat(refused.getInt("counts.rejected")).isPositive();
        assertThat(OperatorCalls.errors(refused.getLong("id")))
                .allSatisfy(error -> assertThat(error)
                        .contains("not the source's own agency " + MOHW)
                        .contains("{\"publishesForOthers\": true}"));

        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true, \"publishesForOthers\": true}")
                .queryParam("reason", "the ministry publishes for its agencies")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(200);
        assertThat(OperatorCalls.runToEnd(id).getInt("counts.added")).isPositive();
    }

    private static RequestSpecification yaml(String key, String mapping) {
        return given().auth()
                .oauth2(key)
                .contentType("application/yaml")
                .body(mapping.getBytes(StandardCharsets.UTF_8));
    }
}
