package org.onewindow.harvester.publish;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.DeadLetter;
import org.onewindow.harvester.store.HarvestError;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.OutboxEntry;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.ServiceVersion;
import org.onewindow.harvester.store.StagedChange;
import org.onewindow.mappings.index.ServiceIndex;

/**
 * A document Elasticsearch refuses for good (it breaks the index mapping) goes to the dead letters once, with an error
 * row on its run, and never holds up the other changes: in incremental publishing and full reindex alike.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class DeadLettersTest {

    private static final String SOURCE = "mohw-welfare";
    private static final String GOOD = SOURCE + "-DEAD-LETTERS-GOOD";
    private static final String REFUSED = SOURCE + "-DEAD-LETTERS-REFUSED";
    private static final String LONG_KEYWORD = SOURCE + "-DEAD-LETTERS-LONG-KEYWORD";

    @Inject
    CataloguePublisher publisher;

    @Inject
    RestClient elasticsearch;

    @Inject
    ObjectMapper json;

    @AfterEach
    void withdrawTheRows() throws IOException {
        List<String> ids = List.of(GOOD, REFUSED, LONG_KEYWORD);
        QuarkusTransaction.requiringNew().run(() -> DeadLetter.delete("recordId in ?1", ids));
        TestRecords.withdraw(publisher, "id in ?1", ids);
    }

    @Test
    void aRefusedDocumentGoesToTheDeadLettersOnceWithAnErrorOnItsRunAndTheOthersArePublished() throws IOException {
        long runId = storeRun();
        store(GOOD, runId, document(GOOD));
        store(REFUSED, runId, document(REFUSED).put("popularity", "많음")); // not an integer
        ObjectNode longKeyword = document(LONG_KEYWORD);
        longKeyword.putArray("keywords").add("복지".repeat(6_000)); // 36,000 bytes: over Lucene's 32,766 for one term
        store(LONG_KEYWORD, runId, longKeyword);

        CataloguePublisher.Result first = publisher.publishPending();

        assertThat(first.failures()).isEmpty();
        // the scheduled drain may have taken these first (this call waits for it): where they went is what counts
        assertThat(QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("recordId", REFUSED)))
                .isEqualTo(1);
        assertThat(indexed(GOOD)).isTrue();
        assertThat(indexed(LONG_KEYWORD))
                .as("a keyword too long to index is kept in the source, not refused")
                .isTrue();
        assertThat(indexed(REFUSED)).isFalse();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEntry.count("recordId in ?1", List.of(GOOD, REFUSED, LONG_KEYWORD))))
                .isZero();
        List<String> runErrors = QuarkusTransaction.requiringNew()
                .call(() -> HarvestError.<HarvestError>list("runId", runId).stream()
                        .map(e -> e.stage + " " + e.recordId + " " + e.message)
                        .toList());
        assertThat(runErrors)
                .singleElement()
                .asString()
                .startsWith("PUBLISH DEAD-LETTERS-REFUSED refused by Elasticsearch")
                .contains("popularity");

        CataloguePublisher.Result second = publisher.publishPending();
        assertThat(second.deadLettered()).as("refused once, not at every drain").isZero();
        assertThat(second.failures()).isEmpty();

        JsonPath listed = given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(listed.getList("findAll { it.recordId == '" + REFUSED + "' }.runId", Long.class))
                .containsExactly(runId);
        assertThat(listed.getString("find { it.recordId == '" + REFUSED + "' }.error"))
                .contains("popularity");
        given().get("/api/v1/dead-letters").then().statusCode(401);
    }

    @Test
    void aFullReindexGoesOnPastARefusedDocumentAndMovesTheAlias() throws IOException {
        long runId = storeRun();
        store(REFUSED, runId, document(REFUSED).put("popularity", "많음"));
        long active =
                QuarkusTransaction.requiringNew().call(() -> CatalogueRecord.count("status", RecordStatus.ACTIVE));
        String before = indexBehindAlias();

        int indexed = given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .post("/api/v1/index/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .path("indexed");

        assertThat(indexed).isEqualTo(active - 1);
        assertThat(indexBehindAlias()).isNotEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("recordId", REFUSED)))
                .isEqualTo(1);
        assertThat(publisher.reconcile().deadLettered())
                .as("a refused record is not taken for a lost index")
                .isZero();
    }

    @Test
    void aRetryPublishesTheRecordOnceItIsFixedAndDeadLettersItAgainWhileItIsNot() throws IOException {
        long runId = storeRun();
        store(REFUSED, runId, document(REFUSED).put("popularity", "많음"));
        publisher.publishPending();
        long letter = QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>find("recordId", REFUSED).singleResult().id);

        JsonPath again = given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .post("/api/v1/dead-letters/{id}/retry", letter)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(again.getBoolean("published")).isFalse();
        long next = again.getLong("deadLetter.id");
        assertThat(next).isNotEqualTo(letter);

        QuarkusTransaction.requiringNew()
                .run(
                        () -> { // the source (or its mapping) was fixed and harvested again
                            CatalogueRecord record = CatalogueRecord.findById(REFUSED);
                            record.document =
                                    document(REFUSED).put("popularity", 12).toString();
                            record.revision++;
                        });
        JsonPath fixed = given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .post("/api/v1/dead-letters/{id}/retry", next)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(fixed.getBoolean("published")).isTrue();
        assertThat(fixed.getString("deadLetter")).isNull();
        assertThat(indexed(REFUSED)).isTrue();
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .post("/api/v1/dead-letters/{id}/retry", next)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private ObjectNode document(String id) {
        String local = id.substring(SOURCE.length() + 1);
        ObjectNode document = json.createObjectNode()
                .put("id", id)
                .put("sourceId", SOURCE)
                .put("sourceRecordId", local)
                .put("url", "https://www.mohw.go.kr/svc/view.do?svcId=" + local);
        document.putObject("name").put("ko", "발행 시험 서비스 " + local);
        return document;
    }

    private static long storeRun() {
        return QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = new HarvestRun();
            run.sourceId = SOURCE;
            run.status = RunStatus.SUCCEEDED;
            run.triggeredBy = HarvestRun.Trigger.OPERATOR;
            run.startedAt = Instant.parse("2026-11-01T00:00:00Z");
            run.finishedAt = run.startedAt.plusSeconds(60);
            run.gatherComplete = true;
            run.persist();
            return run.id;
        });
    }

    /** A record as a run applies it: the row, its version (naming the run) and its outbox entry. */
    private static void store(String id, long runId, ObjectNode document) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            CatalogueRecord record = CatalogueRecord.findById(id);
            if (record == null) {
                record = new CatalogueRecord();
                record.id = id;
                record.sourceId = SOURCE;
                record.sourceRecordId = id.substring(SOURCE.length() + 1);
                record.firstSeen = now;
            }
            record.url = document.path("url").asText();
            record.document = document.toString();
            record.contentHash = RecordStore.sha256(record.document);
            record.status = RecordStatus.ACTIVE;
            record.revision++;
            record.lastSeen = now;
            record.lastChanged = now;
            record.persist();
            ServiceVersion version = new ServiceVersion();
            version.recordId = id;
            version.revision = record.revision;
            version.change = StagedChange.Kind.ADDED;
            version.changedFields = "name";
            version.document = record.document;
            version.runId = runId;
            version.changedAt = now;
            version.persist();
            OutboxEntry.enqueue(id, OutboxEntry.Operation.INDEX);
        });
    }

    private boolean indexed(String id) throws IOException {
        try {
            elasticsearch.performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_doc/" + id));
            return true;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String indexBehindAlias() throws IOException {
        return json.readTree(elasticsearch
                        .performRequest(new Request("GET", "/_alias/" + ServiceIndex.ALIAS))
                        .getEntity()
                        .getContent())
                .fieldNames()
                .next();
    }
}
