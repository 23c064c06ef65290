package org.onewindow.harvester.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.onewindow.harvester.TestMappings.mohwWelfareAs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.harvester.store.ServiceVersion;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.SourceVersion;
import org.onewindow.harvester.store.StagedChange;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

/** A source is created, replaced and versioned through the API, and mapping files seed it without overwriting edits. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class SourcesAsDataTest {

    @Inject
    SourceChanges changes;

    @Inject
    CataloguePublisher publisher;

    @Inject
    RestClient elasticsearch;

    @Inject
    Scheduler quartz;

    @Inject
    SourceCatalog catalog;

    @AfterEach
    void withdrawWhatTheTestHarvested() throws IOException {
        TestRecords.withdraw(publisher, "sourceId = ?1", LocalServicesTestResource.API_MADE_SOURCE);
        TestRecords.withdraw(publisher, "sourceId = ?1", GUARDED_SOURCE);
    }

    /** Not allowed private networks by the test's configuration: only by an operator's setting. */
    private static final String GUARDED_SOURCE = "api-guarded";

    @Test
    void anOperatorAllowsASourceItsIntranetAndSetsItsScheduleWithoutARestart() throws Exception {
        yamlBody(mohwWelfareAs(GUARDED_SOURCE, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        JsonPath refused = OperatorCalls.runToEnd(GUARDED_SOURCE);
        assertThat(refused.getString("status")).isEqualTo("failed");
        assertThat(OperatorCalls.errors(refused.getLong("id")))
                .as("the refusal names the setting that would allow it")
                .anySatisfy(error -> assertThat(error)
                        .contains("resolves to the internal address")
                        .contains("PUT /api/v1/sources/api-guarded/settings {\"allowPrivateNetworks\": true}"));

        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true, \"schedule\": \"0 15 5 * * ?\"}")
                .queryParam("reason", "the ministry's intranet mirror")
                .put("/api/v1/sources/{id}/settings", GUARDED_SOURCE)
                .then()
                .statusCode(200)
                .body("set.allowPrivateNetworks", equalTo(true))
                .body("set.baseUrl", nullValue())
                .body("effective.allowPrivateNetworks", equalTo(true))
                .body("effective.schedule", equalTo("0 15 5 * * ?"))
                .body("from.allowPrivateNetworks", equalTo("api"))
                .body("from.baseUrl", equalTo("mapping"))
                .body("from.reviewThreshold", equalTo("default"));

        OperatorCalls.operator()
                .get("/api/v1/sources/{id}", GUARDED_SOURCE)
                .then()
                .body("schedule", equalTo("0 15 5 * * ?"))
                .body("version", equalTo(2));
        assertThat(((CronTrigger) quartz.getTrigger(TriggerKey.triggerKey("cron-" + GUARDED_SOURCE, "sources")))
                        .getCronExpression())
                .as("the schedule followed at once")
                .isEqualTo("0 15 5 * * ?");
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}/versions", GUARDED_SOURCE)
                .then()
                .body("[1].reason", equalTo("the ministry's intranet mirror"))
                .body("[1].changedBy", equalTo("operator"));
        JsonPath allowed = OperatorCalls.runToEnd(GUARDED_SOURCE);
        assertThat(allowed.getString("status")).isEqualTo("succeeded");
        assertThat(allowed.getInt("counts.added"))
                .isEqualTo(DemoAgencySite.services().size());
    }

    @Test
    void aRecordTimeoutSetThroughTheApiKeepsRunsAliveThatLong() throws IOException {
        String id = "api-slow-records";
        yamlBody(mohwWelfareAs(id, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        Duration before = catalog.longestRecordTimeout();

        settingsBody("{\"recordTimeout\": \"PT7H\"}")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(200)
                .body("effective.recordTimeout", equalTo("PT7H"));
        assertThat(catalog.longestRecordTimeout()).isEqualTo(Duration.ofHours(7));

        settingsBody("{}").put("/api/v1/sources/{id}/settings", id).then().statusCode(200);
        assertThat(catalog.longestRecordTimeout()).isEqualTo(before);
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheSettingAndChangeNothing() throws IOException {
        String id = "api-misconfigured";
        yamlBody(mohwWelfareAs(id, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);

        settingsBody("{\"allowPrivateNetwork\": true}")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("allowPrivateNetwork"))
                .body("errors[0].message", containsString("no such setting"));
        settingsBody("{\"schedule\": \"every night\", \"delayMillis\": -1, \"secrets\": [\"HOME\"],"
                        + " \"recordTimeout\": \"5 minutes\", \"baseUrl\": \"file:///etc/passwd\"}")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(400)
                .body(
                        "errors.parameter",
                        containsInAnyOrder("baseUrl", "delayMillis", "schedule", "secrets", "recordTimeout"));
        settingsBody("{\"secrets\": [\"ONEWINDOW_SECRET_NOT_THERE\"]}")
                .put("/api/v1/sources/{id}/settings", "no-such-source")
                .then()
                .statusCode(404);

        OperatorCalls.operator()
                .get("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(200)
                .body("set", equalTo(Map.of()))
                .body("from.delayMillis", equalTo("mapping"));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SourceVersion.of(id).size()))
                .isEqualTo(1);
    }

    @Test
    void aSourceCreatedThroughTheApiIsHarvestedWithoutARestart() throws IOException {
        String mapping = mohwWelfareAs(LocalServicesTestResource.API_MADE_SOURCE, "0 0 3 * * ?");

        yamlBody(mapping)
                .queryParam("reason", "onboarding the ministry's second board")
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/sources/" + LocalServicesTestResource.API_MADE_SOURCE))
                .body("version", equalTo(1))
                .body("schedule", equalTo("0 0 3 * * ?"));

        JsonPath run = OperatorCalls.runToEnd(LocalServicesTestResource.API_MADE_SOURCE);
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.added"))
                .isEqualTo(DemoAgencySite.services().size());
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}/versions", LocalServicesTestResource.API_MADE_SOURCE)
                .then()
                .statusCode(200)
                .body("[0].origin", equalTo("api"))
                .body("[0].changedBy", equalTo("operator"))
                .body("[0].reason", equalTo("onboarding the ministry's second board"));
        yamlBody(mapping).post("/api/v1/sources").then().statusCode(409);
    }

    @Test
    void replacingAMappingMakesANewVersionAndTheScheduleFollowsAtOnce() throws IOException {
        String id = "api-replaced";
        yamlBody(mohwWelfareAs(id, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);

        yamlBody(mohwWelfareAs(id, "0 30 6 * * ?"))
                .queryParam("reason", "the agency asked for a later hour")
                .put("/api/v1/sources/{id}/mapping", id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("schedule", equalTo("0 30 6 * * ?"));

        JsonPath versions = OperatorCalls.operator()
                .get("/api/v1/sources/{id}/versions", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(versions.getList("version", Integer.class)).containsExactly(1, 2);
        assertThat(versions.getString("[1].reason")).isEqualTo("the agency asked for a later hour");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).definition))
                .contains("0 30 6 * * ?");
    }

    @Test
    void aBrokenOrMisdirectedMappingChangesNothingAndSaysWhy() throws IOException {
        yamlBody("id: broken-one\nagency:\n  code: \"1\"\nconnector:\n  kind: html\n")
                .post("/api/v1/sources")
                .then()
                .statusCode(400)
                .body(
                        "errors.message",
                        hasItem(containsString("sources/broken-one.yaml:1: missing required field 'schedule'")));
        yamlBody(mohwWelfareAs("somebody-else", "0 0 3 * * ?"))
                .put("/api/v1/sources/{id}/mapping", "mohw-welfare")
                .then()
                .statusCode(400)
                .body("detail", containsString("'somebody-else', not 'mohw-welfare'"));
        yamlBody(mohwWelfareAs("no-such-source", "0 0 3 * * ?"))
                .put("/api/v1/sources/{id}/mapping", "no-such-source")
                .then()
                .statusCode(404);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Source.count("id in ?1", List.of("broken-one", "no-such-source"))))
                .isZero();
    }

    @Test
    void aMappingFileUpdatesItsSourceOnlyWhileNobodyChangedItThroughTheApi() throws IOException {
        String id = "file-seeded";
        String first = mohwWelfareAs(id, "0 0 1 * * ?");
        String second = mohwWelfareAs(id, "0 0 2 * * ?");
        String third = mohwWelfareAs(id, "0 0 4 * * ?");

        assertThat(changes.seed("sources/file-seeded.yaml", first, definition(first)))
                .isEqualTo(SourceChanges.Seeded.CREATED);
        assertThat(changes.seed("sources/file-seeded.yaml", first, definition(first)))
                .as("the same file at the next start")
                .isEqualTo(SourceChanges.Seeded.UNCHANGED);
        assertThat(changes.seed("sources/file-seeded.yaml", second, definition(second)))
                .as("a release improved the file; nobody edited the source")
                .isEqualTo(SourceChanges.Seeded.UPDATED);
        yamlBody(mohwWelfareAs(id, "0 0 5 * * ?"))
                .queryParam("reason", "an operator's edit")
                .put("/api/v1/sources/{id}/mapping", id)
                .then()
                .statusCode(200);

        assertThat(changes.seed("sources/file-seeded.yaml", third, definition(third)))
                .as("the file changed again, but so did the source through the API")
                .isEqualTo(SourceChanges.Seeded.KEPT_DATABASE_VERSION);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).definition))
                .contains("0 0 5 * * ?");
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}", id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3))
                .body("fileDrift", containsString("sources/file-seeded.yaml differs from version 3"))
                .body("fileDrift", containsString("an operator's edit"));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() ->
                                SourceVersion.of(id).stream().map(v -> v.origin).toList()))
                .containsExactly(SourceVersion.Origin.FILE, SourceVersion.Origin.FILE, SourceVersion.Origin.API);
    }

    @Test
    void aFileTheSourceStillMatchesIsNoDriftWhateverElseTheApiChanged() throws IOException {
        String id = "file-then-disabled";
        String file = mohwWelfareAs(id, "0 0 1 * * ?");
        assertThat(changes.seed("sources/" + id + ".yaml", file, definition(id, file)))
                .isEqualTo(SourceChanges.Seeded.CREATED);
        OperatorCalls.operator().post("/api/v1/sources/{id}/disable", id).then().statusCode(200);

        assertThat(changes.seed("sources/" + id + ".yaml", file, definition(id, file)))
                .as("the next start reads the same file")
                .isEqualTo(SourceChanges.Seeded.UNCHANGED);
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}", id)
                .then()
                .body("fileDrift", nullValue())
                .body("enabled", equalTo(false));
    }

    @Test
    void aFileStillUpdatesItsSourceAfterTheApiChangedOnlyItsSettings() throws IOException {
        String id = "file-then-configured";
        String file = mohwWelfareAs(id, "0 0 1 * * ?");
        String improved = mohwWelfareAs(id, "0 0 2 * * ?");
        assertThat(changes.seed("sources/" + id + ".yaml", file, definition(id, file)))
                .isEqualTo(SourceChanges.Seeded.CREATED);
        settingsBody("{\"delayMillis\": 500}")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(200);

        assertThat(changes.seed("sources/" + id + ".yaml", improved, definition(id, improved)))
                .as("the API changed a setting, not the mapping: a release's better file still arrives")
                .isEqualTo(SourceChanges.Seeded.UPDATED);
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}", id)
                .then()
                .body("schedule", equalTo("0 0 2 * * ?"))
                .body("version", equalTo(3))
                .body("fileDrift", nullValue());
        OperatorCalls.operator().get("/api/v1/sources/{id}/settings", id).then().body("set.delayMillis", equalTo(500));
    }

    @Test
    void aDisabledSourceTakesNoRunUntilEnabledAndEachIsAVersion() throws IOException {
        String id = "api-disabled";
        yamlBody(mohwWelfareAs(id, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .body("enabled", equalTo(true));

        OperatorCalls.operator()
                .queryParam("reason", "the agency is moving its site")
                .post("/api/v1/sources/{id}/disable", id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("version", equalTo(2));
        OperatorCalls.operator()
                .post("/api/v1/sources/{id}/runs", id)
                .then()
                .statusCode(409)
                .body("detail", containsString("disabled"));
        OperatorCalls.operator()
                .post("/api/v1/sources/{id}/disable", id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2)); // already so: no version

        OperatorCalls.operator()
                .post("/api/v1/sources/{id}/enable", id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("version", equalTo(3));
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}/versions", id)
                .then()
                .body("[1].reason", equalTo("the agency is moving its site"));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SourceVersion.of(id).stream()
                                .map(v -> v.enabled)
                                .toList()))
                .containsExactly(true, false, true);
        OperatorCalls.operator()
                .post("/api/v1/sources/{id}/disable", "no-such-source")
                .then()
                .statusCode(404);
    }

    @Test
    void aDeletedSourceIsWithdrawnFromSearchAndKeepsItsHistory() throws IOException {
        String id = LocalServicesTestResource.API_DELETED_SOURCE;
        yamlBody(mohwWelfareAs(id, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        assertThat(OperatorCalls.runToEnd(id).getInt("counts.added")).isPositive();
        long active = QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.count("sourceId = ?1 and status = ?2", id, RecordStatus.ACTIVE));

        OperatorCalls.operator()
                .queryParam("reason", "the agency closed the board")
                .delete("/api/v1/sources/{id}", id)
                .then()
                .statusCode(200)
                .body("withdrawn", equalTo((int) active))
                .body("version", equalTo(2));

        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CatalogueRecord.count("sourceId = ?1 and status = ?2", id, RecordStatus.ACTIVE)))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> ServiceVersion.count(
                                "recordId like ?1 and change = ?2", id + "~%", StagedChange.Kind.WITHDRAWN)))
                .as("each withdrawal is in the records' history")
                .isEqualTo(active);
        await().atMost(Duration.ofSeconds(30)).until(() -> OperatorCalls.indexedCount(elasticsearch, id) == 0);
        OperatorCalls.operator().get("/api/v1/sources/{id}", id).then().statusCode(404);
        OperatorCalls.operator().post("/api/v1/sources/{id}/runs", id).then().statusCode(404);
        OperatorCalls.operator().delete("/api/v1/sources/{id}", id).then().statusCode(404);
        OperatorCalls.operator().get("/api/v1/sources").then().body("id", not(hasItem(id)));
        OperatorCalls.operator()
                .get("/api/v1/sources/{id}/versions", id)
                .then()
                .statusCode(200)
                .body("[1].reason", equalTo("the agency closed the board"));

        yamlBody(mohwWelfareAs(id, "0 0 3 * * ?"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .body("version", equalTo(3))
                .body("enabled", equalTo(true));
    }

    private static RequestSpecification settingsBody(String json) {
        return OperatorCalls.operator().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8));
    }

    /** An operator's request with a mapping file as its body. */
    private static RequestSpecification yamlBody(String mapping) {
        return OperatorCalls.operator().contentType("application/yaml").body(mapping.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceDefinition definition(String text) {
        return definition("file-seeded", text);
    }

    private static SourceDefinition definition(String id, String text) {
        SourceDefinitionReader.Result read = new SourceDefinitionReader().read("sources/" + id + ".yaml", text);
        assertThat(read.problems()).isEmpty();
        return read.definition();
    }
}
