package org.onewindow.harvester.gather;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;

/** A sitemap-driven source: pages whose lastmod has not moved are not fetched again. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class SitemapHarvestTest {

    private static final String SOURCE = "seoul-sitemap";

    @Test
    void pagesWhoseLastmodHasNotMovedAreNotFetchedAgain() {
        JsonPath first = runToEnd();
        assertThat(first.getString("status")).isEqualTo("succeeded");
        assertThat(first.getInt("counts.added") + first.getInt("counts.unchanged"))
                .isEqualTo(60);

        // Every service page now fails: a run that fetched them would record 60 errors.
        var portal = LocalServicesTestResource.cityPortal().server();
        StubMapping broken = portal.stubFor(get(urlPathMatching("/welfare/archives/view\\.do.*"))
                .atPriority(0)
                .willReturn(serverError()));
        try {
            JsonPath second = runToEnd();
            assertThat(second.getString("status")).isEqualTo("succeeded");
            assertThat(second.getInt("counts.unchanged")).isEqualTo(60);
            assertThat(second.getInt("counts.errored")).isZero();
        } finally {
            portal.removeStub(broken);
        }
    }

    private static JsonPath runToEnd() {
        long runId = given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .post("/api/v1/sources/{id}/runs", SOURCE)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !"running"
                        .equals(given().auth()
                                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                                .get("/api/v1/runs/{id}", runId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("status")));
        return given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/runs/{id}", runId)
                .then()
                .extract()
                .jsonPath();
    }
}
