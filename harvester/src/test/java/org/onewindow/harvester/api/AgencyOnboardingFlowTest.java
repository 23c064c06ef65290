package org.onewindow.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.harvester.TestMappings.mohwWelfareAs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.SourceVersion;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * The whole live flow of an agency's source, as the operator, as that agency and as another agency (refused at every
 * step, changing nothing): dry-run with diff, create, allow, harvest, ping a changed page into search, replace the
 * mapping, disable, delete.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class AgencyOnboardingFlowTest {

    private static final String SOURCE = "flow-board";
    private static final String AGENCY = "9990002";
    private static final String OTHER = "9990003";

    @Inject
    RestClient elasticsearch;

    @AfterEach
    void theSiteIsItselfAgain() {
        AgencySiteDouble.removeTestStubs();
    }

    @Test
    void anAgencyOnboardsItsBoardLiveAndAnotherAgencyIsRefusedAtEveryStep() throws Exception {
        operator("PUT", "/api/v1/agencies/" + AGENCY + "/hosts", "{\"hosts\": [\"127.0.0.1\"]}", 200);
        String agency = OperatorCalls.issueAgencyKey("flow " + AGENCY, AGENCY);
        String other = OperatorCalls.issueAgencyKey("flow " + OTHER, OTHER);
        String mapping = mohwWelfareAs(SOURCE, "0 0 3 * * ?").replace("code: \"1352000\"", "code: \"" + AGENCY + "\"");

        // dry-run with diff: nothing is published yet, so every record tried would be added
        yaml(other, mapping).post("/api/v1/sources/dry-run").then().statusCode(403);
        JsonPath dryRun = yaml(agency, mapping)
                .queryParam("limit", 3)
                .queryParam("diff", true)
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dryRun.getList("diff.added")).hasSize(3);
        assertThat(dryRun.getList("diff.noLongerListed")).isEmpty();

        // created by the agency; the other agency can neither take nor see it
        yaml(agency, mapping).post("/api/v1/sources").then().statusCode(201);
        yaml(other, mapping.replace("code: \"" + AGENCY + "\"", "code: \"" + OTHER + "\""))
                .post("/api/v1/sources")
                .then()
                .statusCode(403);
        as(other).get("/api/v1/sources/{id}", SOURCE).then().statusCode(403);

        // the operator allows it its loopback site (the test double); the agency may not
        as(agency)
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true}")
                .put("/api/v1/sources/{id}/settings", SOURCE)
                .then()
                .statusCode(403);
        operator("PUT", "/api/v1/sources/" + SOURCE + "/settings", "{\"allowPrivateNetworks\": true}", 200);

        // harvested on the agency's word
        as(other).post("/api/v1/sources/{id}/runs", SOURCE).then().statusCode(403);
        long run = as(agency)
                .post("/api/v1/sources/{id}/runs", SOURCE)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        List<DemoService> services = DemoAgencySite.services();
        assertThat(OperatorCalls.awaitEnd(run).getInt("counts.added")).isEqualTo(services.size());
        as(other).get("/api/v1/runs/{id}", run).then().statusCode(403);

        // a changed page pinged: read again at once, and searchable as changed; the other agency's ping is ignored
        DemoService service = services.get(9);
        AgencySiteDouble.changeTitle(service, service.name() + " 새 안내");
        String page = AgencySiteDouble.detailUrl(service.id());
        assertThat(ping(other, page).getList("accepted")).isEmpty();
        long pingRun = ping(agency, page).getLong("accepted[0].runId");
        assertThat(OperatorCalls.awaitEnd(pingRun).getInt("counts.updated")).isEqualTo(1);
        OperatorCalls.awaitIndexedName(elasticsearch, OperatorCalls.recordId(SOURCE, service.id()), "새 안내");

        // a new version of the mapping, by the agency only
        String later = mapping.replace("\"0 0 3 * * ?\"", "\"0 0 5 * * ?\"");
        yaml(other, later).put("/api/v1/sources/{id}/mapping", SOURCE).then().statusCode(403);
        yaml(agency, later).put("/api/v1/sources/{id}/mapping", SOURCE).then().statusCode(200);

        // disable and delete: an operator's, not an agency's
        as(other).post("/api/v1/sources/{id}/disable", SOURCE).then().statusCode(403);
        as(agency).post("/api/v1/sources/{id}/disable", SOURCE).then().statusCode(403);
        int versionsBefore = versions();
        operator("POST", "/api/v1/sources/" + SOURCE + "/disable", null, 200);
        as(agency).post("/api/v1/sources/{id}/runs", SOURCE).then().statusCode(409);
        as(other).delete("/api/v1/sources/{id}", SOURCE).then().statusCode(403);
        as(agency).delete("/api/v1/sources/{id}", SOURCE).then().statusCode(403);
        assertThat(versions())
                .as("nothing the refused calls asked for was changed")
                .isEqualTo(versionsBefore + 1);
        operator("DELETE", "/api/v1/sources/" + SOURCE, null, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> OperatorCalls.indexedCount(elasticsearch, SOURCE) == 0);

        List<String> by = QuarkusTransaction.requiringNew()
                .call(() ->
                        SourceVersion.of(SOURCE).stream().map(v -> v.changedBy).toList());
        // who did what: create and mapping by the agency; settings, disable and delete by the operator
        assertThat(by).hasSize(5);
        assertThat(by.get(0)).contains("agency " + AGENCY);
        assertThat(by.get(2)).contains("agency " + AGENCY);
        assertThat(List.of(by.get(1), by.get(3), by.get(4))).containsOnly("operator");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Source.<Source>findById(SOURCE).deleted()))
                .isTrue();
    }

    private static int versions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> SourceVersion.of(SOURCE).size());
    }

    private static void operator(String method, String path, String json, int status) {
        RequestSpecification request = OperatorCalls.operator();
        if (json != null) {
            request = request.contentType("application/json").body(json);
        }
        request.request(method, path).then().statusCode(status);
    }

    private static RequestSpecification as(String key) {
        return given().auth().oauth2(key);
    }

    private static RequestSpecification yaml(String key, String mapping) {
        return as(key).contentType("application/yaml").body(mapping.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonPath ping(String key, String url) {
        return as(key).contentType("application/json")
                .body(Map.of("urls", List.of(url)))
                .post("/api/v1/ping")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }
}
