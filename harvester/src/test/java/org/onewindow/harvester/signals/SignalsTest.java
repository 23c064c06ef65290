package org.onewindow.harvester.signals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.signals.MonitoringQueries;

/**
 * The harvester's signals: metrics and health on the management port only, every metric the Grafana dashboard and
 * the alert rules read present after a harvest, readiness that does not ask Elasticsearch, and a run's id and source
 * on its log lines.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class SignalsTest {

    // a management URL starts at the management root path, /q
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource("/")
    URL api;

    @BeforeEach
    void aHarvestHasRun() {
        AgencySiteDouble.harvestedWholeOnceFor(SignalsTest.class);
    }

    @Test
    void everyMetricTheDashboardAndAlertsReadIsScrapedAfterAHarvest() throws IOException {
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        Set<String> exported = MonitoringQueries.exported(scraped);

        Set<String> read = MonitoringQueries.metricsOf("harvester");
        assertThat(read)
                .as("the dashboard and the rules read the harvester's metrics")
                .contains("onewindow_fetch_seconds_bucket", "onewindow_harvest_runs_total", "onewindow_outbox_depth");
        assertThat(exported).containsAll(read);
        assertThat(scraped)
                .contains("onewindow_harvest_runs_total{outcome=\"succeeded\",source=\"" + AgencySiteDouble.SOURCE
                        + "\"}");
    }

    @Test
    void metricsAndHealthAreNotOnTheApiPort() {
        given().get(api.toString() + "q/metrics").then().statusCode(404);
        given().get(api.toString() + "q/health/ready").then().statusCode(404);
    }

    @Test
    void readinessAsksTheSchedulerNotElasticsearch() {
        List<String> ready = given().get(health + "/ready")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("checks.name");
        assertThat(ready)
                .contains("scheduler")
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("elasticsearch"));

        List<String> well = given().get(health + "/well")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("checks.name");
        assertThat(well).contains("publish lag", "elasticsearch");
    }

    @Test
    void everyLineARunLogsCarriesItsRunIdAndSource() {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    lines.add(ext);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        long runId;
        try {
            runId = OperatorCalls.runToEnd(AgencySiteDouble.SOURCE).getLong("id");
        } finally {
            root.removeHandler(capture);
        }
        List<ExtLogRecord> ofTheRun = lines.stream()
                .filter(line -> line.getFormattedMessage().startsWith("run " + runId + " "))
                .toList();
        assertThat(ofTheRun).as("the run's own lines").isNotEmpty();
        assertThat(ofTheRun).allSatisfy(line -> {
            assertThat(line.getMdc("runId")).isEqualTo(Long.toString(runId));
            assertThat(line.getMdc("sourceId")).isEqualTo(AgencySiteDouble.SOURCE);
        });
        assertThat(lines.stream()
                        .filter(line -> line.getThreadName().startsWith("harvest-"))
                        .filter(line -> line.getMdc("runId") == null)
                        .map(ExtLogRecord::getFormattedMessage)
                        .toList())
                .as("lines written on the run's threads without its id")
                .isEmpty();
    }

    @Test
    void promtoolAcceptsTheAlertRulesAndTheDashboardsQueries(@TempDir Path scratch) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeThat(Files.isExecutable(promtool))
                .as("promtool (Debian's prometheus package; .ci/run installs it)")
                .isTrue();
        for (Path rules : List.of(MonitoringQueries.ALERTS, MonitoringQueries.dashboardAsRules(scratch))) {
            Process check = new ProcessBuilder(promtool.toString(), "check", "rules", rules.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(output).isZero();
        }
    }
}
