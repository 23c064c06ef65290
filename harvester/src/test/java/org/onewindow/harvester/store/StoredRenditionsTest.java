package org.onewindow.harvester.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.mappings.html.DisplayHtml;
import org.onewindow.mappings.index.ServiceIndex;

/** A record stored before renditions were cleaned, with active HTML in it, as an older release could have left it. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class StoredRenditionsTest {

    private static final String ID = "mohw-welfare-STORED-BEFORE-THE-FIX";
    private static final String HOSTILE =
            "<p>지원 내용</p><img src=x onerror=alert(document.cookie)><a href=\"javascript:steal()\">신청</a>";

    @Inject
    StoredRenditions storedRenditions;

    @Inject
    CataloguePublisher publisher;

    @Inject
    RestClient elasticsearch;

    @Inject
    ObjectMapper json;

    @AfterEach
    void withdrawTheRow() throws IOException {
        TestRecords.withdraw(publisher, "id", ID);
    }

    @Test
    void aStoredRenditionWithActiveHtmlIsCleanedAsANewRevisionAndPublished() throws IOException {
        storeTheBadRow();
        QuarkusTransaction.requiringNew()
                .run(() -> CatalogueRecord.getEntityManager()
                        .createNativeQuery(
                                "update maintenance_task set done_at = null where name = 'clean-html-renditions'")
                        .executeUpdate());

        int cleaned = storedRenditions.cleanIfPending();
        publisher.publishPending();

        assertThat(cleaned).isGreaterThanOrEqualTo(1);
        CatalogueRecord record =
                QuarkusTransaction.requiringNew().call(() -> CatalogueRecord.<CatalogueRecord>findById(ID));
        String stored =
                json.readTree(record.document).path("html").path("description").asText();
        assertThat(DisplayHtml.isSafe(stored)).isTrue();
        assertThat(stored).contains("<p>지원 내용</p>").doesNotContain("onerror", "javascript:", "<img");
        assertThat(record.revision).isEqualTo(2);
        ServiceVersion version = QuarkusTransaction.requiringNew()
                .call(() -> ServiceVersion.<ServiceVersion>find("recordId = ?1 and revision = 2", ID)
                        .singleResult());
        assertThat(version.changedFields).isEqualTo("html");
        assertThat(version.runId).isNull();

        JsonNode indexed = json.readTree(elasticsearch
                .performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_doc/" + ID))
                .getEntity()
                .getContent());
        assertThat(indexed.path("_source").path("html").path("description").asText())
                .isEqualTo(stored);
        assertThat(storedRenditions.cleanIfPending()).as("done once").isZero();
    }

    private void storeTheBadRow() {
        ObjectNode document = json.createObjectNode()
                .put("id", ID)
                .put("sourceId", "mohw-welfare")
                .put("sourceRecordId", "STORED-BEFORE-THE-FIX")
                .put("url", "https://www.mohw.go.kr/svc/view.do?svcId=STORED-BEFORE-THE-FIX");
        document.putObject("name").put("ko", "옛날에 저장된 서비스");
        document.putObject("html").put("description", HOSTILE); // as the older mapping engine stored it
        QuarkusTransaction.requiringNew().run(() -> {
            Instant then = Instant.parse("2026-11-01T00:00:00Z");
            CatalogueRecord record = new CatalogueRecord();
            record.id = ID;
            record.sourceId = "mohw-welfare";
            record.sourceRecordId = "STORED-BEFORE-THE-FIX";
            record.url = document.path("url").asText();
            record.document = document.toString();
            record.contentHash = RecordStore.sha256(record.document);
            record.status = RecordStatus.ACTIVE;
            record.revision = 1;
            record.firstSeen = then;
            record.lastSeen = then;
            record.lastChanged = then;
            record.persist();
            OutboxEntry.enqueue(ID, OutboxEntry.Operation.INDEX);
        });
    }
}
