package org.onewindow.harvester.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/** What operators decide: runs held for review (approve, discard), cancelling a run, a full reindex. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewAndControlTest {

    private static final String SOURCE = "mohw-welfare";
    private static final List<DemoService> SERVICES = DemoAgencySite.services();

    @Inject
    RestClient elasticsearch;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void harvestTheSite() {
        AgencySiteDouble.harvestedWholeOnceFor(getClass());
    }

    @AfterEach
    void healTheSite() {
        AgencySiteDouble.heal();
    }

    @Test
    @Order(1)
    void aRunThatWouldWithdrawMoreThanThirtyPercentIsHeldUntilAnOperatorDecides() throws IOException {
        List<DemoService> ending = SERVICES.subList(0, 20); // 20 of 64: 31 %
        ending.forEach(service -> LocalServicesTestResource.site().hide(service.id()));
        assertThat(OperatorCalls.runToEnd(SOURCE).getInt("counts.withdrawn"))
                .as("first miss")
                .isZero();

        JsonPath held = OperatorCalls.runToEnd(SOURCE);

        assertThat(held.getString("status")).isEqualTo("held");
        assertThat(held.getInt("counts.withdrawn")).isEqualTo(20);
        assertThat(held.getDouble("shareChanged")).isGreaterThan(0.3);
        assertThat(held.getString("message")).contains("withdraw 20 of 64 services");
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE))
                .as("nothing published while held")
                .isEqualTo(SERVICES.size());
        long heldId = held.getLong("id");
        assertThat(OperatorCalls.operator()
                        .get("/api/v1/runs/{id}/changes", heldId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("change", String.class))
                .hasSize(20)
                .containsOnly("withdrawn");

        JsonPath discarded = OperatorCalls.operator()
                .post("/api/v1/runs/{id}/discard", heldId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(discarded.getString("status")).isEqualTo("cancelled");
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
        assertThat(ending)
                .as("the discarded run left no miss behind: only the first run's")
                .allSatisfy(service -> assertThat(QuarkusTransaction.requiringNew()
                                .call(() -> CatalogueRecord.<CatalogueRecord>findById(SOURCE + "~" + service.id())
                                        .missCount))
                        .isEqualTo(1));
        OperatorCalls.operator()
                .post("/api/v1/runs/{id}/approve", heldId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        JsonPath heldAgain = OperatorCalls.runToEnd(SOURCE);
        assertThat(heldAgain.getString("status")).isEqualTo("held");
        JsonPath approved = OperatorCalls.operator()
                .post("/api/v1/runs/{id}/approve", heldAgain.getLong("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(approved.getString("status")).isEqualTo("succeeded");
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size() - 20);
        assertThat(OperatorCalls.operator()
                        .get(
                                "/api/v1/records/{id}/versions",
                                "mohw-welfare~" + ending.get(0).id())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("change", String.class))
                .endsWith("withdrawn");
    }

    @Test
    @Order(2)
    void servicesComingBackInBulkAreHeldTooAndANewRunSupersedesTheHeldOne() throws IOException {
        JsonPath held = OperatorCalls.runToEnd(SOURCE);
        assertThat(held.getString("status")).isEqualTo("held");
        assertThat(held.getInt("counts.added")).isEqualTo(20);

        JsonPath next = OperatorCalls.runToEnd(SOURCE);
        assertThat(OperatorCalls.run(held.getLong("id")).getString("status")).isEqualTo("cancelled");
        assertThat(OperatorCalls.run(held.getLong("id")).getString("message"))
                .contains("superseded by run " + next.getLong("id"));
        assertThat(next.getString("status")).isEqualTo("held");

        OperatorCalls.operator()
                .post("/api/v1/runs/{id}/approve", next.getLong("id"))
                .then()
                .statusCode(200);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(3)
    void aSecondTriggerOfARunningSourceAnswers409WithTheRunningRunAndCancellingChangesNothing() throws IOException {
        LocalServicesTestResource.site().server().setGlobalFixedDelay(150);
        long runId = OperatorCalls.startRun(SOURCE);

        OperatorCalls.operator()
                .post("/api/v1/sources/{id}/runs", SOURCE)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("runningRunId", equalTo((int) runId));
        OperatorCalls.operator().post("/api/v1/runs/{id}/cancel", runId).then().statusCode(202);

        JsonPath run = OperatorCalls.awaitEnd(runId);
        assertThat(run.getString("status")).isEqualTo("cancelled");
        OperatorCalls.operator().post("/api/v1/runs/{id}/cancel", runId).then().statusCode(409);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    @Order(4)
    void aRunWhoseHarvesterStoppedSendingHeartbeatsIsClosedAsAbandoned() {
        long ghostRun = QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = new HarvestRun();
            run.sourceId = "jongno-gu-feed";
            run.status = RunStatus.RUNNING;
            run.triggeredBy = HarvestRun.Trigger.SCHEDULE;
            run.startedAt = Instant.now().minus(Duration.ofMinutes(20));
            run.owner = "a-harvester-that-died";
            run.heartbeatAt = Instant.now().minus(Duration.ofMinutes(10));
            run.persist();
            return run.id;
        });

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !"running".equals(OperatorCalls.run(ghostRun).getString("status")));

        JsonPath closed = OperatorCalls.run(ghostRun);
        assertThat(closed.getString("status")).isEqualTo("failed");
        assertThat(closed.getString("message")).contains("abandoned").contains("a-harvester-that-died");
    }

    @Test
    @Order(5)
    void aFullReindexFillsAFreshIndexAndMovesTheAliasToIt() throws IOException {
        String before = OperatorCalls.indexBehindAlias(elasticsearch);

        int indexed = OperatorCalls.operator()
                .post("/api/v1/index/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("indexed");

        String after = OperatorCalls.indexBehindAlias(elasticsearch);
        assertThat(after).isNotEqualTo(before).startsWith(ServiceIndex.INDEX + "-r");
        long active =
                QuarkusTransaction.requiringNew().call(() -> CatalogueRecord.count("status", RecordStatus.ACTIVE));
        assertThat(indexed).isEqualTo((int) active);
        assertThat(OperatorCalls.indexedCount(elasticsearch)).isEqualTo(active);
        long activeOfSource = QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.count("sourceId = ?1 and status = ?2", SOURCE, RecordStatus.ACTIVE));
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(activeOfSource);
        JsonPath run = OperatorCalls.runToEnd(SOURCE);
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.unchanged")).isEqualTo(SERVICES.size());
    }
}
