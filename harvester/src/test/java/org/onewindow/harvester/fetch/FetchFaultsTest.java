package org.onewindow.harvester.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * Faults of an agency site at the HTTP level (WireMock), against the catalogue the first harvest built: each is
 * reported on the run, and nothing already published is lost or changed.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class FetchFaultsTest {

    private static final String SOURCE = "mohw-welfare";
    private static final List<DemoService> SERVICES = DemoAgencySite.services();
    private static final Charset MS949 = Charset.forName("x-windows-949");

    @Inject
    RestClient elasticsearch;

    @Inject
    RobotsRules robots;

    @BeforeEach
    void harvestTheSite() {
        AgencySiteDouble.harvestedWholeOnceFor(getClass());
    }

    @AfterEach
    void healTheSite() {
        AgencySiteDouble.heal();
    }

    @Test
    void connectionResetsTruncatedBodiesAndSlowDripsAreErrorsThatChangeNothing() throws IOException {
        String reset = SERVICES.get(1).id();
        String truncated = SERVICES.get(2).id();
        String dripping = SERVICES.get(3).id();
        site().stubFor(detail(reset).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        site().stubFor(detail(truncated).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        byte[] incompressible = new byte[200_000]; // so the site's gzip cannot hold the chunks back
        new Random(7).nextBytes(incompressible);
        site().stubFor(detail(dripping)
                .willReturn(aResponse().withStatus(200).withBody(incompressible).withChunkedDribbleDelay(40, 8_000)));
        var before = OperatorCalls.indexedVersions(elasticsearch);

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getString("status")).isEqualTo("partial");
        assertThat(run.getInt("counts.errored")).isEqualTo(3);
        assertThat(run.getInt("counts.unchanged")).isEqualTo(SERVICES.size() - 3);
        List<String> errors = OperatorCalls.errors(run.getLong("id"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("fetch " + reset + " no answer"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("fetch " + truncated + " no answer"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).startsWith("fetch " + dripping).contains("still arriving"));
        assertThat(OperatorCalls.indexedVersions(elasticsearch)).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsAbandonedAtTheCap() throws IOException {
        String huge = SERVICES.get(4).id();
        site().stubFor(detail(huge)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody(new byte[3 * 1024 * 1024])));

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getInt("counts.errored")).isEqualTo(1);
        assertThat(OperatorCalls.errors(run.getLong("id")))
                .singleElement()
                .asString()
                .startsWith("fetch " + huge)
                .contains("exceeds the limit of 1048576 bytes");
        assertThat(run.getLong("cost.bytes"))
                .as("the big body was not read whole")
                .isLessThan(3L * 1024 * 1024);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    void aRedirectLoopEndsAfterFiveHops() throws IOException {
        String looping = SERVICES.get(5).id();
        site().stubFor(detail(looping).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop/a")));
        site().stubFor(get(urlEqualTo("/loop/a"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/loop/b")));
        site().stubFor(get(urlEqualTo("/loop/b"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/loop/a")));

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(OperatorCalls.errors(run.getLong("id")))
                .singleElement()
                .asString()
                .isEqualTo("fetch " + looping + " no answer: more than 5 redirects");
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    void aPageServedWithAWrongCharsetIsStillReadAsKorean() throws Exception {
        DemoService service = SERVICES.get(6);
        String page = new String(fetchFromSite("/portal/svc/view.do?svcId=" + service.id()), MS949);
        String renamed = service.name() + " (개정)";
        site().stubFor(detail(service.id())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody(page.replace(service.name(), renamed).getBytes(MS949))));

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getInt("counts.errored")).isZero();
        assertThat(run.getInt("counts.updated")).isEqualTo(1);
        assertThat(OperatorCalls.indexedDocument(elasticsearch, "mohw-welfare~" + service.id())
                        .path("name")
                        .path("ko")
                        .asText())
                .isEqualTo(renamed);

        healTheSite();
        assertThat(OperatorCalls.runToEnd(SOURCE).getInt("counts.updated"))
                .as("the original page is read again")
                .isEqualTo(1);
    }

    @Test
    void retryAfterAndTransientServerErrorsAreRetriedAndSucceed() throws IOException {
        String throttled = SERVICES.get(8).id();
        String flaky = SERVICES.get(9).id();
        site().stubFor(detail(throttled)
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("served"));
        site().stubFor(detail(flaky)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("served"));

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.errored"))
                .as("each page answered on its second attempt")
                .isZero();
    }

    @Test
    void aRobotsTxtAnswering503StopsTheCrawlAndLosesNothing() throws IOException {
        site().stubFor(get(urlEqualTo("/robots.txt"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(503)));
        awaitRobots(AgencySiteDouble.listingUrl(), verdict -> !verdict.allowed());

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(OperatorCalls.errors(run.getLong("id")))
                .anySatisfy(e -> assertThat(e).contains("robots.txt answered HTTP 503"));
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    void robotsTxtDisallowingTheRecordPagesKeepsThemUnfetchedAndPublished() throws IOException {
        site().stubFor(
                        get(urlEqualTo("/robots.txt"))
                                .atPriority(0)
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withBody(
                                                        "User-agent: *\nAllow: /\n\nUser-agent: OneWindowHarvester\nDisallow: /portal/svc/view.do\n")));
        awaitRobots(AgencySiteDouble.detailUrl(SERVICES.get(0).id()), verdict -> !verdict.allowed());

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getInt("counts.errored")).isEqualTo(SERVICES.size());
        assertThat(OperatorCalls.errors(run.getLong("id")))
                .allSatisfy(e -> assertThat(e).contains("disallowed by robots.txt"));
        assertThat(run.getInt("counts.withdrawn")).isZero();
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    void aCrawlDelayIsHonouredUpToTheCap() {
        site().stubFor(get(urlEqualTo("/robots.txt"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(200).withBody("User-agent: *\nCrawl-delay: 2\n")));
        awaitRobots(AgencySiteDouble.listingUrl(), verdict -> verdict.crawlDelayMillis() == 2_000);

        site().stubFor(get(urlEqualTo("/robots.txt"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(200).withBody("User-agent: *\nCrawl-delay: 3600\n")));
        awaitRobots(AgencySiteDouble.listingUrl(), verdict -> verdict.crawlDelayMillis() == 30_000); // capped at 30 s
    }

    /** Until the harvester reads the site's new robots.txt (it keeps one for {@code onewindow.harvest.robots-cache}). */
    private void awaitRobots(String url, Predicate<RobotsRules.Verdict> read) {
        FetchSession session = new FetchSession(0, true);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> read.test(robots.check(url, session)));
    }

    @Test
    void aListingThatSuddenlyNamesNothingWithdrawsNothing() throws IOException {
        SERVICES.forEach(service -> LocalServicesTestResource.site().hide(service.id()));

        for (int i = 0; i < 3; i++) {
            JsonPath run = OperatorCalls.runToEnd(SOURCE);
            assertThat(run.getString("status")).isEqualTo("partial");
            assertThat(run.getBoolean("gatherComplete")).isFalse();
            assertThat(run.getInt("counts.withdrawn")).isZero();
        }
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    void aPageAnswering404OnTwoRunsIsWithdrawnAndComesBackWhenItReturns() throws IOException {
        String removed = SERVICES.get(12).id();
        site().stubFor(detail(removed).willReturn(aResponse().withStatus(404)));

        JsonPath first = OperatorCalls.runToEnd(SOURCE);
        assertThat(first.getInt("counts.withdrawn")).isZero();
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());

        JsonPath second = OperatorCalls.runToEnd(SOURCE);
        assertThat(second.getInt("counts.withdrawn")).isEqualTo(1);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size() - 1);

        healTheSite();
        JsonPath back = OperatorCalls.runToEnd(SOURCE);
        assertThat(back.getInt("counts.added")).isEqualTo(1);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
        assertThat(OperatorCalls.operator()
                        .get("/api/v1/records/{id}/versions", "mohw-welfare~" + removed)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("change", String.class))
                .endsWith("withdrawn", "added");
    }

    private static WireMockServer site() {
        return LocalServicesTestResource.site().server();
    }

    private static MappingBuilder detail(String serviceId) {
        return get(urlPathEqualTo("/portal/svc/view.do"))
                .withQueryParam("svcId", equalTo(serviceId))
                .atPriority(0);
    }

    private static byte[] fetchFromSite(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        LocalServicesTestResource.site().baseUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
