package org.onewindow.harvester.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/** Records that take too long never hold their run, and an operator's cancel does not wait for them. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class HungRecordsTest {

    private static final List<DemoService> SERVICES = DemoAgencySite.services();

    @AfterEach
    void healTheSite() {
        AgencySiteDouble.heal();
    }

    @Test
    void recordsPastTheirDeadlineAreAbandonedAndTheRunGoesOnWithTheRest() {
        String first = SERVICES.get(4).id();
        String second = SERVICES.get(9).id();
        LocalServicesTestResource.site().server().stubFor(detail(first).willReturn(slowPage(1_800)));
        LocalServicesTestResource.site().server().stubFor(detail(second).willReturn(slowPage(1_800)));

        JsonPath run = OperatorCalls.runToEnd(LocalServicesTestResource.SLOW_SOURCE);

        List<String> errors = OperatorCalls.errors(run.getLong("id"));
        assertThat(errors)
                .filteredOn(e -> e.contains("abandoned"))
                .containsExactlyInAnyOrder(
                        "fetch " + first
                                + " abandoned: fetch, extract and map not done within 1 s (the run went on without it)",
                        "fetch " + second
                                + " abandoned: fetch, extract and map not done within 1 s (the run went on without it)");
        assertThat(run.getInt("counts.errored")).as("the two abandoned").isEqualTo(2);
        assertThat(run.getInt("counts.rejected"))
                .as("every other record was still read (and refused: no name)")
                .isEqualTo(SERVICES.size() - 2);
        assertThat(errors).filteredOn(e -> e.contains("name: missing")).hasSize(SERVICES.size() - 2);
    }

    @Test
    void aCancelStopsTheRunWhileItsRecordIsStillBeingFetched() {
        WireMockServer site = LocalServicesTestResource.site().server();
        site.stubFor(get(urlPathEqualTo("/portal/svc/view.do")).atPriority(0).willReturn(slowPage(1_500)));
        site.stubFor(
                detail(SERVICES.get(0).id()).willReturn(aResponse().withStatus(404))); // the first record ends at once
        long runId = OperatorCalls.startRun(LocalServicesTestResource.SLOW_SOURCE);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !OperatorCalls.errors(runId).isEmpty()); // now on the second record

        OperatorCalls.operator().post("/api/v1/runs/{id}/cancel", runId).then().statusCode(202);

        // 20 records of 1.5 s each stood between two looks at the cancel flag before
        await().atMost(Duration.ofSeconds(8))
                .until(() -> "cancelled".equals(OperatorCalls.run(runId).getString("status")));
    }

    private static MappingBuilder detail(String serviceId) {
        return get(urlPathEqualTo("/portal/svc/view.do"))
                .withQueryParam("svcId", equalTo(serviceId))
                .atPriority(0);
    }

    private static ResponseDefinitionBuilder slowPage(int millis) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>늦은 페이지</body></html>")
                .withFixedDelay(millis);
    }
}
