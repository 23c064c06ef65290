package org.onewindow.catalogue.signals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.catalogue.CatalogueServicesTestResource;
import org.onewindow.signals.MonitoringQueries;

/**
 * The public API's signals: metrics and health only on the management port, and every metric of the API the Grafana
 * dashboard and the alert rules read present once it has answered a search and a suggestion.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class ApiSignalsTest {

    // a management URL starts at the management root path, /q
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void everyMetricTheDashboardAndAlertsReadIsScrapedOnceTheApiAnswered() throws IOException {
        given().queryParam("q", "청년").get("/api/v1/services").then().statusCode(200);
        given().queryParam("q", "청년").get("/api/v1/suggest").then().statusCode(200);

        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        Set<String> exported = MonitoringQueries.exported(scraped);

        Set<String> read = MonitoringQueries.metricsOf("catalogue-api");
        assertThat(read)
                .contains("http_server_requests_seconds_bucket", "onewindow_elasticsearch_request_seconds_bucket");
        assertThat(exported).containsAll(read);
        assertThat(scraped)
                .as("search latency by endpoint and status, no query text")
                .contains("uri=\"/api/v1/services\"")
                .doesNotContain("청년");
    }

    @Test
    void metricsAndHealthAreNotOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void readyWhenElasticsearchAndPostgresAnswer() {
        given().get(ready)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Elasticsearch cluster health check"));
    }
}
