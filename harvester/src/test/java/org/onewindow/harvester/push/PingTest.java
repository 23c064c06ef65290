package org.onewindow.harvester.push;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.harvester.TestMappings.mohwWelfareAs;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.harvester.store.Source;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * An agency names a changed page and it is read again at once, through the harvest's pipeline, into search; what is
 * not its page is named and ignored; a ping during a run waits for it; a page gone twice is withdrawn.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class PingTest {

    private static final String SOURCE = LocalServicesTestResource.PING_SOURCE;
    /** An agency of the test alone: the bundled 보건복지부 source, on the same site, never reads its pings. */
    private static final String AGENCY = "9990001";

    private static final List<DemoService> SERVICES = DemoAgencySite.services();
    private static String agencyKey;

    @Inject
    RestClient elasticsearch;

    @Inject
    PingTargets pingTargets;

    @BeforeEach
    void theAgencysBoardIsHarvested() throws IOException {
        if (QuarkusTransaction.requiringNew().call(() -> Source.findById(SOURCE)) == null) {
            OperatorCalls.operator()
                    .contentType("application/yaml")
                    .body(mohwWelfareAs(SOURCE, "0 0 3 * * ?")
                            .replace("code: \"1352000\"", "code: \"" + AGENCY + "\"")
                            .getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/sources")
                    .then()
                    .statusCode(201);
            OperatorCalls.operator()
                    .contentType("application/json")
                    .body("{\"hosts\": [\"127.0.0.1\"]}")
                    .put("/api/v1/agencies/{code}/hosts", AGENCY)
                    .then()
                    .statusCode(200);
            agencyKey = OperatorCalls.issueAgencyKey("ping test", AGENCY);
            assertThat(OperatorCalls.runToEnd(SOURCE).getInt("counts.added")).isEqualTo(SERVICES.size());
        }
    }

    @AfterEach
    void theSiteIsItselfAgain() {
        AgencySiteDouble.removeTestStubs();
    }

    @Test
    void aPingedChangedPageIsReadAgainAtOnceAndSearchableAsChanged() throws Exception {
        DemoService service = SERVICES.get(3);
        String url = AgencySiteDouble.detailUrl(service.id());
        AgencySiteDouble.changeTitle(service, service.name() + " 개정판");

        JsonPath answer = ping(agencyKey, Map.of("urls", List.of(url)));

        assertThat(answer.getList("accepted.sourceId")).containsExactly(SOURCE);
        assertThat(answer.getString("accepted[0].sourceRecordId")).isEqualTo(service.id());
        assertThat(answer.getBoolean("accepted[0].waiting")).isFalse();
        JsonPath run = OperatorCalls.awaitEnd(answer.getLong("accepted[0].runId"));
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.updated")).isEqualTo(1);
        assertThat(run.getInt("cost.requests")).as("the page alone, no listing").isLessThanOrEqualTo(2);
        assertThat(run.getString("requestedBy")).startsWith("ping test (key ");
        OperatorCalls.awaitIndexedName(elasticsearch, OperatorCalls.recordId(SOURCE, service.id()), "개정판");
    }

    @Test
    void aPingIsReadWithTheSourcesCurrentSettingsNotTheOnesAnEarlierPingSaw() {
        String site = LocalServicesTestResource.site().baseUrl();
        String onOtherName = AgencySiteDouble.detailUrl(SERVICES.get(1).id()).replace("127.0.0.1", "localhost");
        String before = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(SOURCE).settings);
        try {
            assertThat(pingTargets
                            .resolve(List.of(onOtherName), source -> source.id.equals(SOURCE))
                            .ignored())
                    .as("localhost is no host of the source yet")
                    .containsKey(onOtherName);

            QuarkusTransaction.requiringNew()
                    .run(() -> Source.<Source>findById(SOURCE).settings =
                            "{\"baseUrl\": \"" + site.replace("127.0.0.1", "localhost") + "\"}");

            assertThat(pingTargets
                            .resolve(List.of(onOtherName), source -> source.id.equals(SOURCE))
                            .pagesBySource())
                    .as("its base URL's host now is")
                    .containsOnlyKeys(SOURCE);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Source.<Source>findById(SOURCE).settings = before);
        }
    }

    @Test
    void whatIsNotARecordPageOfTheKeysSourcesIsNamedAndIgnored() {
        String otherAgencysKey = OperatorCalls.issueAgencyKey("someone else", "6110000");
        String page = AgencySiteDouble.detailUrl(SERVICES.get(0).id());

        JsonPath mine = ping(
                agencyKey, Map.of("urls", List.of(AgencySiteDouble.listingUrl(), "https://www.example.org/x", "x")));
        assertThat(mine.getList("accepted")).isEmpty();
        assertThat(mine.getList("ignored.url"))
                .containsExactly(AgencySiteDouble.listingUrl(), "https://www.example.org/x", "x");
        JsonPath theirs = ping(otherAgencysKey, Map.of("urls", List.of(page)));
        assertThat(theirs.getList("accepted")).isEmpty();
        assertThat(theirs.getString("ignored[0].reason")).contains("may not act on");
        given().auth()
                .oauth2(otherAgencysKey)
                .contentType("application/json")
                .body(Map.of("sourceId", SOURCE))
                .post("/api/v1/ping")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("urls", List.of(page)))
                .post("/api/v1/ping")
                .then()
                .statusCode(401);
    }

    @Test
    void aPingDuringARunOfItsSourceWaitsForItAndIsReadRightAfter() throws Exception {
        DemoService service = SERVICES.get(5);
        settings("{\"delayMillis\": 150}"); // a run of the whole board then takes some 10 s
        long running = OperatorCalls.startRun(SOURCE);
        AgencySiteDouble.changeTitle(service, service.name() + " 수정");

        JsonPath answer = ping(agencyKey, Map.of("urls", List.of(AgencySiteDouble.detailUrl(service.id()))));

        assertThat(answer.getBoolean("accepted[0].waiting")).isTrue();
        assertThat(answer.getLong("accepted[0].runId")).isEqualTo(running);
        OperatorCalls.awaitEnd(running);
        settings("{}");
        HarvestRun pingRun = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> QuarkusTransaction.requiringNew()
                                .call(() -> HarvestRun.<HarvestRun>find(
                                                "sourceId = ?1 and triggeredBy = ?2 and id > ?3 order by id",
                                                SOURCE,
                                                HarvestRun.Trigger.PING,
                                                running)
                                        .firstResult()),
                        run -> run != null);
        assertThat(OperatorCalls.awaitEnd(pingRun.id).getString("message")).contains("1 pinged page");
    }

    @Test
    void aPingedPageThatIsGoneTwiceIsWithdrawnAndANudgeHarvestsTheWholeSource() {
        DemoService service = SERVICES.get(7);
        LocalServicesTestResource.site()
                .server()
                .stubFor(detail(service.id()).willReturn(aResponse().withStatus(410)));
        String url = AgencySiteDouble.detailUrl(service.id());

        for (int time = 1; time <= 2; time++) {
            JsonPath run = OperatorCalls.awaitEnd(
                    ping(agencyKey, Map.of("urls", List.of(url))).getLong("accepted[0].runId"));
            assertThat(run.getInt("counts.gone")).isEqualTo(1);
            assertThat(run.getInt("counts.withdrawn")).isEqualTo(time == 2 ? 1 : 0);
        }
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CatalogueRecord.<CatalogueRecord>find(
                                        "sourceId = ?1 and sourceRecordId = ?2", SOURCE, service.id())
                                .firstResult()
                                .status))
                .isEqualTo(RecordStatus.WITHDRAWN);

        AgencySiteDouble.removeTestStubs();
        JsonPath nudge = ping(agencyKey, Map.of("sourceId", SOURCE));
        assertThat(nudge.getBoolean("nudged[0].alreadyRunning")).isFalse();
        JsonPath whole = OperatorCalls.awaitEnd(nudge.getLong("nudged[0].runId"));
        assertThat(whole.getInt("counts.added")).as("the page is back").isEqualTo(1);
    }

    private static void settings(String json) {
        OperatorCalls.operator()
                .contentType("application/json")
                .body(json)
                .put("/api/v1/sources/{id}/settings", SOURCE)
                .then()
                .statusCode(200);
    }

    private static JsonPath ping(String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/ping")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }

    private static MappingBuilder detail(String serviceId) {
        return get(urlPathEqualTo("/portal/svc/view.do"))
                .withQueryParam("svcId", equalTo(serviceId))
                .atPriority(0);
    }
}
