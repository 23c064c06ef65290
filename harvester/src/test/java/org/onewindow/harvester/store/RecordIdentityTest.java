package org.onewindow.harvester.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.RestClient;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.publish.CataloguePublisher;

/**
 * A record's catalogue id is given once per (source, local id), stored with it and never changed: two sources whose
 * ids run into each other, or local ids that differ only in characters a URL cannot carry, keep apart (sources
 * {@code ids-a} and {@code ids-a-b} of the test mapping directory, stubbed on the 보건복지부 site double).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class RecordIdentityTest {

    private static final String A = "ids-a";
    private static final String AB = "ids-a-b";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RestClient elasticsearch;

    @Inject
    CataloguePublisher publisher;

    @AfterEach
    void withdrawWhatTheTestAdded() throws IOException {
        AgencySiteDouble.removeStubsUnder("/ids/");
        TestRecords.withdraw(publisher, "sourceId in ?1", List.of(A, AB));
    }

    @Test
    void sourcesWhoseIdsRunIntoEachOtherKeepTheirRecordsApart() throws IOException {
        serve("a-b", Map.of("X", "ids-a-b의 X 서비스"));
        serve("a", Map.of("b-X", "ids-a의 b-X 서비스"));

        assertThat(OperatorCalls.runToEnd(AB).getInt("counts.added")).isEqualTo(1);
        assertThat(OperatorCalls.runToEnd(A).getInt("counts.added")).isEqualTo(1);

        assertThat(name("ids-a-b~X")).isEqualTo("ids-a-b의 X 서비스");
        assertThat(name("ids-a~b-X")).isEqualTo("ids-a의 b-X 서비스");
        JsonPath again = OperatorCalls.runToEnd(AB);
        assertThat(again.getInt("counts.unchanged")).isEqualTo(1);
        assertThat(again.getInt("counts.updated"))
                .as("the other source did not overwrite it")
                .isZero();
    }

    @Test
    void localIdsThatDifferOnlyInCharactersAUrlCannotCarryDoNotFlipFlop() throws IOException {
        serve("a", Map.of("p q", "띄어 쓴 id의 서비스", "p_q", "밑줄 id의 서비스"));

        assertThat(OperatorCalls.runToEnd(A).getInt("counts.added")).isEqualTo(2);
        JsonPath second = OperatorCalls.runToEnd(A);
        assertThat(second.getInt("counts.updated"))
                .as("a new revision on every run")
                .isZero();
        assertThat(second.getInt("counts.unchanged")).isEqualTo(2);

        assertThat(name("ids-a~p~20q")).isEqualTo("띄어 쓴 id의 서비스");
        assertThat(name("ids-a~p_q")).isEqualTo("밑줄 id의 서비스");
    }

    @Test
    void aRecordKeepsTheIdItWasGivenBeforeIdsTookTheirPresentForm() throws IOException {
        // as a release before this one stored local id "r s" of ids-a: folded into "ids-a-r_s"
        QuarkusTransaction.requiringNew().run(() -> {
            CatalogueRecord legacy = new CatalogueRecord();
            legacy.id = "ids-a-r_s";
            legacy.sourceId = A;
            legacy.sourceRecordId = "r s";
            legacy.url = "https://ids.example.go.kr/a/r%20s";
            legacy.document =
                    "{\"id\":\"ids-a-r_s\",\"sourceId\":\"ids-a\",\"sourceRecordId\":\"r s\",\"name\":{\"ko\":\"옛 이름\"}}";
            legacy.contentHash = "stored-by-an-earlier-release";
            legacy.status = RecordStatus.ACTIVE;
            legacy.revision = 1;
            legacy.firstSeen = legacy.lastSeen = legacy.lastChanged = Instant.now();
            legacy.persist();
        });
        serve("a", Map.of("r s", "새 이름"));

        JsonPath run = OperatorCalls.runToEnd(A);
        assertThat(run.getInt("counts.updated")).isEqualTo(1);
        assertThat(run.getInt("counts.added")).isZero();
        assertThat(name("ids-a-r_s")).isEqualTo("새 이름");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CatalogueRecord.count("sourceId = ?1 and sourceRecordId = ?2", A, "r s")))
                .isEqualTo(1);
        OperatorCalls.operator()
                .get("/api/v1/records/{id}/versions", "ids-a-r_s")
                .then()
                .statusCode(200)
                .body("revision", Matchers.contains(2)) // the stored row had no history of its own
                .body("change", Matchers.contains("updated"));
    }

    private String name(String id) throws IOException {
        return OperatorCalls.indexedDocument(elasticsearch, id)
                .path("name")
                .path("ko")
                .asText();
    }

    /** The source's JSON API lists these records (local id → name), each whole. */
    private static void serve(String path, Map<String, String> names) throws IOException {
        var items = JSON.createArrayNode();
        names.forEach(
                (id, name) -> items.addObject().put("id", id).put("name", name).put("summary", name + "를 안내합니다."));
        var body = JSON.createObjectNode().put("total", names.size());
        body.set("items", items);
        LocalServicesTestResource.site()
                .server()
                .stubFor(get(urlPathEqualTo("/ids/" + path + "/services"))
                        .atPriority(0)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json; charset=UTF-8")
                                .withBody(JSON.writeValueAsString(body))));
    }
}
