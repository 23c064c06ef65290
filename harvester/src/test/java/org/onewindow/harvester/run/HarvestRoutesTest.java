package org.onewindow.harvester.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.publish.CataloguePublisher;

/** A harvest is its routes: one record followed by route id through every stage (source {@code routes-one}). */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class HarvestRoutesTest {

    private static final String SOURCE = "routes-one";

    @Inject
    RouteTrail trail;

    @Inject
    CataloguePublisher publisher;

    @AfterEach
    void withdrawWhatTheTestAdded() throws IOException {
        AgencySiteDouble.removeStubsUnder("/routes/");
        TestRecords.withdraw(publisher, "sourceId = ?1", SOURCE);
    }

    @Test
    void aRecordPassesThroughTheRouteOfEveryStage() {
        WireMockServer site = LocalServicesTestResource.site().server();
        site.stubFor(get(urlPathEqualTo("/routes/one/services"))
                .atPriority(0)
                .willReturn(json("{\"total\":1,\"items\":[{\"id\":\"R1\",\"name\":\"목록의 이름\"}]}")));
        site.stubFor(
                get(urlPathEqualTo("/routes/one/service"))
                        .withQueryParam("id", equalTo("R1"))
                        .atPriority(0)
                        .willReturn(
                                json(
                                        "{\"items\":[{\"id\":\"R1\",\"name\":\"경로 시험 서비스\",\"summary\":\"한 건의 서비스가 모든 단계를 지납니다.\"}]}")));

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.added")).isEqualTo(1);
        long runId = run.getLong("id");
        List<RouteTrail.Passage> passages = trail.passages();
        assertThat(passages)
                .filteredOn(p -> Long.valueOf(runId).equals(p.runId()))
                .extracting(RouteTrail.Passage::routeId)
                .as("the run's routes, in the order the run entered them")
                .containsSubsequence(
                        "harvest-run", "gather", "record", "extract", "stage", "review", "apply", "publish");
        assertThat(passages)
                .filteredOn(p -> "R1".equals(p.subject()) && Long.valueOf(runId).equals(p.runId()))
                .extracting(RouteTrail.Passage::routeId)
                .containsExactly("record", "extract", "stage");
        assertThat(passages)
                .filteredOn(p -> "fetch".equals(p.routeId())
                        && p.subject() != null
                        && p.subject().contains("/routes/one/"))
                .extracting(RouteTrail.Passage::subject)
                .as("the listing page, then the record's own detail answer")
                .anySatisfy(url -> assertThat(url).contains("/routes/one/services"))
                .anySatisfy(url -> assertThat(url).contains("/routes/one/service?id=R1"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }
}
