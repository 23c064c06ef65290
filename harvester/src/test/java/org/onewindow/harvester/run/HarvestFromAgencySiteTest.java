package org.onewindow.harvester.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.ServiceVersion;
import org.onewindow.harvester.store.Source;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/** Harvests the demo agency site over HTTP into PostgreSQL and Elasticsearch, with faults injected by WireMock. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvestFromAgencySiteTest {

    private static final String SOURCE = "mohw-welfare";
    private static final List<DemoService> SERVICES = DemoAgencySite.services();

    @Inject
    RestClient elasticsearch;

    @Inject
    Scheduler quartz;

    @Inject
    CataloguePublisher publisher;

    @Inject
    ObjectMapper json;

    /** The first test harvests the site into a catalogue that holds none of its services, whatever ran before. */
    @BeforeAll
    static void startWithoutTheSitesServices() throws IOException {
        AgencySiteDouble.heal();
        TestRecords.withdraw(Arc.container().instance(CataloguePublisher.class).get(), "sourceId = ?1", SOURCE);
    }

    @AfterEach
    void healTheSite() {
        AgencySiteDouble.heal();
    }

    @Test
    @Order(1)
    void harvestsEveryServiceOfTheDemoSiteIntoPostgresAndElasticsearch() throws IOException {
        JsonPath run = runToEnd();
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.added")).isEqualTo(SERVICES.size());
        assertThat(run.getInt("counts.errored")).isZero();
        assertThat(run.getBoolean("gatherComplete")).isTrue();

        long active = QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.count("sourceId = ?1 and status = ?2", SOURCE, RecordStatus.ACTIVE));
        assertThat(active).isEqualTo(SERVICES.size());
        assertThat(indexedCount()).isEqualTo(SERVICES.size());

        JsonNode first = indexedDocument("mohw-welfare~" + SERVICES.get(0).id());
        assertThat(first.path("name").path("ko").asText())
                .isEqualTo(SERVICES.get(0).name());
        assertThat(first.path("competentAuthority").path("name").asText()).isEqualTo("보건복지부");
        assertThat(first.path("competentAuthority").path("department").asText())
                .isEqualTo(SERVICES.get(0).department());
        assertThat(first.path("requiredDocuments"))
                .hasSize(SERVICES.get(0).documents().size());
    }

    @Test
    @Order(2)
    void aSecondRunOfAnUnchangedSiteWritesNothingAndFetchesOnlyWhatChanged() throws IOException {
        var versionsBefore = OperatorCalls.indexedVersions(elasticsearch);
        long outboxBefore = outboxInsertions();
        long versionsStored = QuarkusTransaction.requiringNew().call(() -> ServiceVersion.count());

        JsonPath run = runToEnd();

        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.unchanged")).isEqualTo(SERVICES.size());
        assertThat(run.getInt("counts.added") + run.getInt("counts.updated") + run.getInt("counts.withdrawn"))
                .isZero();
        assertThat(run.getInt("cost.notModified"))
                .as("every detail page answered 304 to its ETag")
                .isEqualTo(SERVICES.size());
        assertThat(OperatorCalls.indexedVersions(elasticsearch))
                .as("no Elasticsearch document was written")
                .isEqualTo(versionsBefore);
        assertThat(outboxInsertions()).as("nothing queued for publishing").isEqualTo(outboxBefore);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) CatalogueRecord.getEntityManager()
                                        .createNativeQuery(
                                                "select count(distinct xmin::text) from service_record where source_id = ?1 and status = 'ACTIVE'")
                                        .setParameter(1, SOURCE)
                                        .getSingleResult())
                                .longValue()))
                .as(
                        "the records the run saw were last written by one transaction: its seen-ness statement, no update of each")
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ServiceVersion.count()))
                .as("no version in the history")
                .isEqualTo(versionsStored);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> (Number) ServiceVersion.getEntityManager()
                                        .createNativeQuery(
                                                "select count(*) from service_version where feed_position is null")
                                        .getSingleResult())
                                .longValue()
                        == 0);
        // Version ids come from a sequence in blocks of 50 per instance (and straight from it for the versions one SQL
        // statement writes, a source's deletion): not in the order versions are committed. The feed promises commit
        // order, which shows as each record's versions in the order of its revisions.
        List<?> outOfOrder = QuarkusTransaction.requiringNew()
                .call(() -> ServiceVersion.getEntityManager()
                        .createNativeQuery("select a.id from service_version a join service_version b"
                                + " on a.record_id = b.record_id and a.revision < b.revision"
                                + " and a.feed_position > b.feed_position")
                        .getResultList());
        assertThat(outOfOrder)
                .as("each record's feed positions follow its revisions")
                .isEmpty();
    }

    @Test
    @Order(3)
    void aChangedMappingFileReadsEveryPageAgainInsteadOfTrusting304s() {
        QuarkusTransaction.requiringNew().run(() -> {
            Source source = Source.findById(SOURCE);
            source.definition = source.definition + "\n# edited by an operator\n";
        });

        JsonPath remap = runToEnd();
        assertThat(remap.getInt("cost.notModified"))
                .as("no conditional fetch after a mapping change")
                .isZero();
        assertThat(remap.getInt("counts.unchanged")).isEqualTo(SERVICES.size());

        JsonPath next = runToEnd();
        assertThat(next.getInt("cost.notModified"))
                .as("conditional again once re-read with the new mapping")
                .isEqualTo(SERVICES.size());
    }

    @Test
    @Order(4)
    void aLostIndexIsRebuiltFromPostgresEvenWhenNothingChanged() throws IOException {
        elasticsearch.performRequest(new Request("DELETE", "/" + OperatorCalls.indexBehindAlias(elasticsearch)));

        JsonPath run = runToEnd();

        assertThat(run.getInt("counts.unchanged")).isEqualTo(SERVICES.size());
        assertThat(indexedCount()).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(5)
    void reconcilingRepublishesWhatTheIndexMissesAgainstPostgres() throws IOException {
        // Someone recreated the index empty behind the alias (the harvester cannot tell from the alias alone).
        elasticsearch.performRequest(new Request("DELETE", "/" + OperatorCalls.indexBehindAlias(elasticsearch)));
        Request create = new Request("PUT", "/" + ServiceIndex.INDEX);
        create.setJsonEntity("{\"aliases\":{\"" + ServiceIndex.ALIAS + "\":{}},"
                + ServiceIndex.definitionJson().strip().substring(1));
        elasticsearch.performRequest(create);
        assertThat(indexedCount()).isZero();

        publisher.reconcile();

        assertThat(indexedCount()).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(6)
    void aNewIndexVersionIsSwappedInBehindTheAliasAndFilledFromPostgres() throws IOException {
        // The alias still points at an index of an older mapping version.
        String current = OperatorCalls.indexBehindAlias(elasticsearch);
        Request old = new Request("PUT", "/onewindow-services-v0");
        old.setJsonEntity("{\"settings\":{\"number_of_replicas\":0}}");
        elasticsearch.performRequest(old);
        Request move = new Request("POST", "/_aliases");
        move.setJsonEntity("{\"actions\":[{\"remove\":{\"index\":\"" + current + "\",\"alias\":\""
                + ServiceIndex.ALIAS + "\"}},{\"add\":{\"index\":\"onewindow-services-v0\",\"alias\":\""
                + ServiceIndex.ALIAS + "\"}}]}");
        elasticsearch.performRequest(move);
        elasticsearch.performRequest(new Request("DELETE", "/" + current));

        publisher.reconcile();

        var aliases = json.readTree(elasticsearch
                .performRequest(new Request("GET", "/_alias/" + ServiceIndex.ALIAS))
                .getEntity()
                .getContent());
        assertThat(aliases.fieldNames()).toIterable().containsExactly(ServiceIndex.INDEX);
        assertThat(indexedCount()).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(7)
    void brokenDetailPagesAreRecordedAsErrorsWhileTheOtherPagesArePublished() throws IOException {
        var site = LocalServicesTestResource.site().server();
        String failing = SERVICES.get(5).id();
        String malformed = SERVICES.get(6).id();
        String slow = SERVICES.get(7).id();
        site.stubFor(detail(failing).willReturn(serverError().withBody("Internal Server Error")));
        site.stubFor(detail(malformed)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><div id=\"contents\"><table class=\"view_tbl\"><tr><td>\u0000\u0001 잘린"
                                .getBytes(Charset.forName("x-windows-949")))));
        site.stubFor(detail(slow)
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000).withBody("late")));

        JsonPath run = runToEnd();

        assertThat(run.getString("status")).isEqualTo("partial");
        assertThat(run.getInt("counts.errored"))
                .as("pages that could not be fetched")
                .isEqualTo(2);
        assertThat(run.getInt("counts.rejected"))
                .as("a page served but not extracted")
                .isEqualTo(1);
        assertThat(run.getInt("counts.unchanged")).isEqualTo(SERVICES.size() - 3);
        assertThat(run.getInt("counts.withdrawn")).isZero();
        List<String> errors = given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/runs/{id}/errors", run.getLong("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("collect { it.stage + ' ' + it.recordId + ' ' + it.message }");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("fetch " + failing + " HTTP 500"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("extract " + malformed));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("fetch " + slow + " no answer"));
        assertThat(indexedCount())
                .as("what was harvested before stays published")
                .isEqualTo(SERVICES.size());
    }

    @Test
    @Order(8)
    void withdrawsOnlyAfterTwoCompleteRunsMissTheService() throws IOException {
        String ended = SERVICES.get(10).id();
        LocalServicesTestResource.site().hide(ended);

        JsonPath firstMiss = runToEnd();
        assertThat(firstMiss.getInt("counts.withdrawn")).isZero();
        assertThat(indexedCount()).isEqualTo(SERVICES.size());

        JsonPath secondMiss = runToEnd();
        assertThat(secondMiss.getInt("counts.withdrawn")).isEqualTo(1);
        assertThat(indexedCount()).isEqualTo(SERVICES.size() - 1);

        LocalServicesTestResource.site().showAll();
        JsonPath back = runToEnd();
        assertThat(back.getInt("counts.added")).isEqualTo(1);
        assertThat(indexedCount()).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(9)
    void anIncompleteListingNeverWithdrawsAnything() throws IOException {
        LocalServicesTestResource.site().hide(SERVICES.get(20).id());
        LocalServicesTestResource.site()
                .server()
                .stubFor(post(urlPathMatching("/portal/svc/list\\.do.*"))
                        .withFormParam("pageIndex", equalTo("3"))
                        .atPriority(0)
                        .willReturn(serverError()));

        for (int i = 0; i < 2; i++) {
            JsonPath run = runToEnd();
            assertThat(run.getString("status")).isEqualTo("partial");
            assertThat(run.getBoolean("gatherComplete")).isFalse();
            assertThat(run.getInt("counts.withdrawn")).isZero();
        }
        assertThat(indexedCount()).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(10)
    void aDeadSiteFailsTheRunAndLosesNothing() throws IOException {
        LocalServicesTestResource.site()
                .server()
                .stubFor(post(urlPathMatching("/portal/svc/list\\.do.*"))
                        .atPriority(0)
                        .willReturn(aResponse().withStatus(503)));
        JsonPath run = runToEnd();
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(indexedCount()).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(11)
    void theQuartzJobOfASourceStartsAScheduledRun() throws Exception {
        long before = QuarkusTransaction.requiringNew()
                .call(() -> HarvestRun.count("triggeredBy", HarvestRun.Trigger.SCHEDULE));

        quartz.triggerJob(JobKey.jobKey("harvest-" + SOURCE, "sources"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> HarvestRun.count(
                                        "triggeredBy = ?1 and status != ?2",
                                        HarvestRun.Trigger.SCHEDULE,
                                        RunStatus.RUNNING))
                        > before);
        HarvestRun scheduled = QuarkusTransaction.requiringNew()
                .call(() -> HarvestRun.<HarvestRun>find(
                                "triggeredBy = ?1 order by id desc", HarvestRun.Trigger.SCHEDULE)
                        .firstResult());
        assertThat(scheduled.status).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(scheduled.unchanged).isEqualTo(SERVICES.size());
    }

    @Test
    void operatorApiNeedsTheOperatorKey() {
        given().get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", Matchers.startsWith("Bearer"));
        given().auth()
                .oauth2("wrong-key")
                .post("/api/v1/sources/{id}/runs", SOURCE)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .body("id", hasItem(SOURCE))
                .body("find { it.id == 'mohw-welfare' }.agency.name", Matchers.equalTo("보건복지부"));
    }

    @Test
    void aSourceInTheMappingDirectoryIsOnboardedAndABrokenFileThereIsSkipped() {
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .body("find { it.id == 'seongbuk-gu-api' }.agency.name", Matchers.equalTo("서울특별시 성북구"))
                .body("find { it.id == 'seongbuk-gu-api' }.kind", Matchers.equalTo("json-api"))
                .body("id", Matchers.not(hasItem("broken-source")))
                .body("id", hasItem(SOURCE));
    }

    @Test
    void unknownSourcesAndRunsAreProblemJson404() {
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .post("/api/v1/sources/{id}/runs", "no-such-source")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", Matchers.equalTo(404));
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/runs/{id}", 999_999)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void eachSourceHasItsCronScheduleInQuartz() throws Exception {
        assertThat(quartz.checkExists(JobKey.jobKey("harvest-" + SOURCE, "sources")))
                .isTrue();
        assertThat(quartz.getTriggersOfJob(JobKey.jobKey("harvest-" + SOURCE, "sources")))
                .singleElement()
                .satisfies(trigger -> assertThat(trigger.getNextFireTime()).isNotNull());
    }

    private static MappingBuilder detail(String serviceId) {
        return get(urlPathEqualTo("/portal/svc/view.do"))
                .withQueryParam("svcId", equalTo(serviceId))
                .atPriority(0);
    }

    private static JsonPath runToEnd() {
        return OperatorCalls.runToEnd(SOURCE);
    }

    private long indexedCount() throws IOException {
        return OperatorCalls.indexedCount(elasticsearch, SOURCE);
    }

    private JsonNode indexedDocument(String id) throws IOException {
        return OperatorCalls.indexedDocument(elasticsearch, id);
    }

    /** Rows ever inserted into the outbox (its identity sequence): drained rows leave no other trace. */
    private static long outboxInsertions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) CatalogueRecord.getEntityManager()
                                .createNativeQuery(
                                        "select coalesce(pg_sequence_last_value(pg_get_serial_sequence('publish_outbox', 'id')), 0)")
                                .getSingleResult())
                        .longValue());
    }
}
