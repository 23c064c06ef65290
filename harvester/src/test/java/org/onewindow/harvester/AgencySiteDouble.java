package org.onewindow.harvester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.elasticsearch.client.RestClient;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.fetch.RobotsRules;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * The 보건복지부 site double of the harvester tests, as every test expects to find it. Tests that break the site do
 * so with stubs of priority 0, hidden services, scenarios or a global delay, and call {@link #heal()} after each test.
 */
public final class AgencySiteDouble {

    /** The source that harvests the site. */
    public static final String SOURCE = "mohw-welfare";

    private AgencySiteDouble() {}

    /**
     * Every service shown, no test's stub, scenario or delay left; and the harvester's view of the site's robots.txt
     * back to "everything allowed, no Crawl-delay" (it keeps a robots.txt for {@code onewindow.harvest.robots-cache}).
     */
    public static void heal() {
        DemoAgencySite site = LocalServicesTestResource.site();
        WireMockServer server = site.server();
        removeTestStubs();
        server.resetScenarios();
        server.setGlobalFixedDelay(0);
        site.showAll();
        RobotsRules robots = Arc.container().instance(RobotsRules.class).get();
        FetchSession session = new FetchSession(0, true);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> List.of(listingUrl(), detailUrl("any")).stream()
                        .map(url -> robots.check(url, session))
                        .allMatch(verdict -> verdict.allowed() && verdict.crawlDelayMillis() == 0));
    }

    /**
     * The catalogue as the site serves it: the site healed, its source harvested, every one of its services published.
     * Each test class that starts from a harvested site calls this first, whatever classes ran before it.
     */
    public static void harvestedWhole() {
        heal();
        JsonPath run = OperatorCalls.runToEnd(SOURCE);
        RestClient elasticsearch = Arc.container().instance(RestClient.class).get();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> OperatorCalls.indexedCount(elasticsearch, SOURCE)
                        == DemoAgencySite.services().size());
        assertThat(run.getString("status")).isEqualTo("succeeded");
    }

    private static final Set<Class<?>> SEEDED = ConcurrentHashMap.newKeySet();

    /** {@link #harvestedWhole()} once for a test class, before its first test (RestAssured knows the app's port from then). */
    public static void harvestedWholeOnceFor(Class<?> testClass) {
        if (SEEDED.add(testClass)) {
            harvestedWhole();
        }
    }

    /** Removes the stubs a test added under {@code pathPrefix} (the pages of its own test source on this site). */
    public static void removeStubsUnder(String pathPrefix) {
        WireMockServer server = LocalServicesTestResource.site().server();
        List.copyOf(server.getStubMappings()).stream()
                .filter(stub -> stub.getRequest().getUrlPath() != null
                        && stub.getRequest().getUrlPath().startsWith(pathPrefix))
                .forEach(server::removeStub);
    }

    /** The stubs tests added (priority 0): the site serves its pages again; hidden services stay hidden. */
    public static void removeTestStubs() {
        WireMockServer server = LocalServicesTestResource.site().server();
        List.copyOf(server.getStubMappings()).stream()
                .filter(stub -> stub.getPriority() != null && stub.getPriority() == 0)
                .forEach(server::removeStub);
    }

    public static String listingUrl() {
        return LocalServicesTestResource.site().baseUrl() + "/portal/svc/list.do";
    }

    public static String detailUrl(String serviceId) {
        return LocalServicesTestResource.site().baseUrl() + "/portal/svc/view.do?menuNo=200123&svcId=" + serviceId;
    }

    /** The site serves the service's page with its title changed, in the page's own encoding (a test stub). */
    public static void changeTitle(DemoService service, String newTitle) throws Exception {
        HttpResponse<byte[]> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(detailUrl(service.id())))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        Charset charset = Charset.forName("MS949"); // the site's (record pages say so in a meta tag only)
        String html = new String(page.body(), charset);
        assertThat(html).contains(service.name());
        LocalServicesTestResource.site()
                .server()
                .stubFor(WireMock.get(WireMock.urlPathEqualTo("/portal/svc/view.do"))
                        .withQueryParam("svcId", WireMock.equalTo(service.id()))
                        .atPriority(0)
                        .willReturn(WireMock.aResponse()
                                .withStatus(200)
                                .withHeader(
                                        "Content-Type",
                                        page.headers()
                                                .firstValue("Content-Type")
                                                .orElse("text/html"))
                                .withBody(html.replace(service.name(), newTitle).getBytes(charset))));
    }
}
