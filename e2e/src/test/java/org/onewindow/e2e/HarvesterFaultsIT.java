package org.onewindow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onewindow.runtime.AppProcess;
import org.onewindow.runtime.ElasticsearchNode;
import org.onewindow.runtime.Ports;
import org.onewindow.runtime.PostgresServer;
import org.onewindow.runtime.TestArtifacts;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * Faults no WireMock stub can fake, on real processes: Elasticsearch stopped in the middle of a harvest and
 * started again, the harvester killed (SIGKILL) in the middle of a run and started again, and two harvester
 * instances on one database sharing the schedule. After each, PostgreSQL and Elasticsearch agree and nothing
 * published was lost. Runs in the {@code faults} profile ({@code ./mvnw verify -Pfaults}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvesterFaultsIT {

    private static final String SOURCE = "mohw-welfare";
    private static final String KEY = "faults-operator-key-of-at-least-32-characters";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path WORK = Path.of("target/faults").toAbsolutePath();
    private static final List<DemoService> SERVICES = DemoAgencySite.services();

    private static PostgresServer postgres;
    private static ElasticsearchNode elasticsearch;
    private static int elasticsearchPort;
    private static DemoAgencySite site;
    private static final List<AppProcess> harvesters = new ArrayList<>();

    @BeforeAll
    static void startBackendsAndTheSite() {
        postgres = PostgresServer.start(null, 0, System.out::println);
        elasticsearchPort = Ports.free();
        elasticsearch = startElasticsearch(false);
        site = DemoAgencySite.start(0);
    }

    @AfterAll
    static void stopEverything() {
        harvesters.forEach(AppProcess::close);
        if (site != null) {
            site.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void elasticsearchStoppedMidHarvestDelaysPublishingAndLosesNothing() throws Exception {
        AppProcess harvester = startHarvester("a", Map.of());
        long firstId = startRun(harvester);
        JsonNode first = runToEnd(harvester, firstId);
        assertThat(first.path("status").asText()).isEqualTo("succeeded");
        assertThat(jsonLogLines("a"))
                .as("JSON log lines (ONEWINDOW_LOG_JSON=true): the run's own carry its id and source")
                .filteredOn(line -> line.path("message").asText().startsWith("run " + firstId + " of "))
                .isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.path("mdc").path("runId").asText()).isEqualTo(Long.toString(firstId));
                    assertThat(line.path("mdc").path("sourceId").asText()).isEqualTo(SOURCE);
                });
        assertThat(first.path("counts").path("added").asInt()).isEqualTo(SERVICES.size());

        List<DemoService> renamed = SERVICES.subList(SERVICES.size() - 5, SERVICES.size()); // read last in the run
        renamed.forEach(service -> site.rename(service.id(), service.name() + " (2027년 개정)"));
        site.server().setGlobalFixedDelay(150);
        long runId = startRun(harvester);
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(run(harvester, runId)) >= 5);
        elasticsearch.close(); // mid-harvest
        System.out.println(
                "Elasticsearch stopped while run " + runId + " had processed " + processed(run(harvester, runId)));

        JsonNode run = runToEnd(harvester, runId);
        site.server().setGlobalFixedDelay(0);
        assertThat(run.path("status").asText()).isEqualTo("partial");
        assertThat(status(harvester.managementUrl() + "/q/health/ready"))
                .as("ready while Elasticsearch is away: the harvester queues")
                .isEqualTo(200);
        assertThat(status(harvester.managementUrl() + "/q/health/well"))
                .as("the wellness checks say Elasticsearch is away")
                .isEqualTo(503);
        assertThat(run.path("counts").path("updated").asInt()).isEqualTo(5);
        assertThat(errors(harvester, runId))
                .anySatisfy(e -> assertThat(e).startsWith("publish").contains("changes stay queued"));
        assertThat(queryLong("select count(*) from publish_outbox"))
                .as("changes wait in the outbox")
                .isEqualTo(5);

        long unchangedRunId = startRun(harvester); // nothing changed at the site since: only publishing can fail
        JsonNode unchanged = runToEnd(harvester, unchangedRunId);
        assertThat(unchanged.path("status").asText()).isEqualTo("partial");
        assertThat(unchanged.path("counts").path("unchanged").asInt()).isEqualTo(SERVICES.size());
        assertThat(unchanged.path("message").asText()).contains("not every change reached Elasticsearch");
        assertThat(errors(harvester, unchangedRunId))
                .anySatisfy(e -> assertThat(e).startsWith("publish").contains("changes stay queued"));

        elasticsearch = startElasticsearch(true);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> queryLong("select count(*) from publish_outbox") == 0);
        assertPostgresAndElasticsearchAgree();
        for (DemoService service : renamed) {
            assertThat(indexed("mohw-welfare~" + service.id())
                            .path("_source")
                            .path("name")
                            .path("ko")
                            .asText())
                    .isEqualTo(service.name() + " (2027년 개정)");
        }
    }

    @Test
    @Order(2)
    void aHarvesterKilledMidRunIsRestartedMarksTheRunAbandonedAndTheNextRunCompletesWithoutDuplicates()
            throws Exception {
        AppProcess harvester = harvesters.get(harvesters.size() - 1);
        List<DemoService> renamed = SERVICES.subList(SERVICES.size() - 10, SERVICES.size() - 7);
        renamed.forEach(service -> site.rename(service.id(), service.name() + " (개편)"));
        site.server().setGlobalFixedDelay(150);
        long runId = startRun(harvester);
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(run(harvester, runId)) >= 5);

        ProcessHandle.of(harvester.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL mid-run
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        ProcessHandle.of(harvester.pid()).map(p -> !p.isAlive()).orElse(true));
        harvesters.remove(harvester);
        assertThat(queryString("select status from harvest_run where id = " + runId))
                .isEqualTo("RUNNING");
        site.server().setGlobalFixedDelay(0);

        AppProcess restarted = startHarvester("a", Map.of());

        JsonNode abandoned = run(restarted, runId);
        assertThat(abandoned.path("status").asText()).isEqualTo("failed");
        assertThat(abandoned.path("message").asText()).contains("abandoned");
        assertThat(queryLong("select count(*) from staged_change where run_id = " + runId))
                .isZero();

        JsonNode next = runToEnd(restarted, startRun(restarted));
        assertThat(next.path("status").asText()).isEqualTo("succeeded");
        assertThat(next.path("counts").path("updated").asInt()).isEqualTo(3);
        assertThat(next.path("counts").path("added").asInt()).isZero();
        for (DemoService service : renamed) {
            assertThat(queryLong("select count(*) from service_version where record_id = 'mohw-welfare~" + service.id()
                            + "'"))
                    .as("added once, updated once")
                    .isEqualTo(2);
        }
        assertPostgresAndElasticsearchAgree();
    }

    @Test
    @Order(3)
    void twoHarvesterInstancesOnOneDatabaseExecuteEachScheduledFireOnce() throws Exception {
        harvesters.forEach(AppProcess::close);
        harvesters.clear();
        Map<String, String> everySecond = Map.of("onewindow.sources." + SOURCE + ".schedule", "* * * * * ?");
        AppProcess a = startHarvester("a", everySecond);
        AppProcess b = startHarvester("b", everySecond);
        long firstFire = queryLong("select coalesce(max(id), 0) from schedule_fire");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> queryLong("select count(distinct scheduled_at) from schedule_fire where id > " + firstFire)
                        >= 30);
        // Quartz lets whichever instance acquires a trigger fire it; stopping one shows the other carries on alone.
        String busier = queryString("select instance from schedule_fire where id > " + firstFire
                + " group by instance order by count(*) desc limit 1");
        AppProcess stopped = busier.equals("harvester-a") ? a : b;
        AppProcess survivor = stopped == a ? b : a;
        stopped.close();
        long afterStop = queryLong("select coalesce(max(id), 0) from schedule_fire");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> queryLong("select count(distinct scheduled_at) from schedule_fire where id > " + afterStop)
                        >= 25);
        survivor.close();
        harvesters.clear();

        long fires = queryLong("select count(distinct scheduled_at) from schedule_fire where id > " + firstFire);
        long executions = queryLong("select count(*) from schedule_fire where id > " + firstFire);
        Map<String, Long> perInstance = new LinkedHashMap<>();
        try (Connection db = database();
                ResultSet rows = db.createStatement()
                        .executeQuery("select instance, count(*) from schedule_fire where id > " + firstFire
                                + " group by instance order by instance")) {
            while (rows.next()) {
                perInstance.put(rows.getString(1), rows.getLong(2));
            }
        }
        System.out.println("two instances: " + fires + " scheduled fires, " + executions + " executions, per instance "
                + perInstance);
        assertThat(fires).isGreaterThanOrEqualTo(50);
        assertThat(perInstance).as("both instances executed fires").hasSize(2);
        assertThat(executions).as("each fire executed exactly once").isEqualTo(fires);
        assertThat(queryLong("select count(*) from schedule_fire where id > " + firstFire
                        + " and outcome like 'started run%'"))
                .as("fires that found the source idle started a run")
                .isPositive();
    }

    private static void assertPostgresAndElasticsearchAgree() throws Exception {
        Map<String, Long> revisions = new HashMap<>();
        try (Connection db = database();
                ResultSet rows = db.createStatement()
                        .executeQuery("select id, revision from service_record where status = 'ACTIVE'")) {
            while (rows.next()) {
                revisions.put(rows.getString(1), rows.getLong(2));
            }
        }
        HttpRequest search = HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + "/onewindow-services/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"size\":10000,\"version\":true,\"_source\":false}"))
                .build();
        JsonNode hits = JSON.readTree(
                        HTTP.send(search, HttpResponse.BodyHandlers.ofString()).body())
                .path("hits")
                .path("hits");
        Map<String, Long> versions = new HashMap<>();
        hits.forEach(hit ->
                versions.put(hit.path("_id").asText(), hit.path("_version").asLong()));
        assertThat(versions)
                .as("Elasticsearch holds each active record once, at its PostgreSQL revision")
                .isEqualTo(revisions);
    }

    private static ElasticsearchNode startElasticsearch(boolean keepData) {
        return ElasticsearchNode.start(
                new ElasticsearchNode.Options(
                        TestArtifacts.elasticsearchZip(),
                        TestArtifacts.analysisPluginZip(),
                        WORK.resolve("elasticsearch"),
                        elasticsearchPort,
                        "512m",
                        keepData),
                System.out::println);
    }

    private static AppProcess startHarvester(String instance, Map<String, String> extraProperties) {
        Path repo = Path.of(System.getProperty("onewindow.repo-root", ".."));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        environment.put("QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:" + elasticsearchPort);
        environment.put("ONEWINDOW_OPERATOR_KEY", KEY);
        environment.put("ONEWINDOW_INSTANCE_ID", "harvester-" + instance);
        environment.put("ONEWINDOW_HARVEST_PUBLISH_INTERVAL", "1s");
        environment.put("ONEWINDOW_LOG_JSON", "true");
        environment.put("ONEWINDOW_HARVEST_SCHEDULES_ENABLED", Boolean.toString(!extraProperties.isEmpty()));
        Map<String, String> properties = new LinkedHashMap<>(extraProperties);
        properties.put("onewindow.sources." + SOURCE + ".base-url", site.baseUrl());
        properties.put("onewindow.sources." + SOURCE + ".delay-millis", "0");
        properties.put("onewindow.sources." + SOURCE + ".allow-private-networks", "true");
        AppProcess harvester = AppProcess.start(
                "harvester-" + instance,
                repo.resolve("harvester/target/quarkus-app/quarkus-run.jar"),
                Ports.free(),
                environment,
                properties,
                WORK.resolve("logs/harvester-" + instance + ".log"),
                System.out::println);
        harvesters.add(harvester);
        return harvester;
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The lines of a harvester's log that are JSON objects (its own; the JVM may write other lines). */
    private static List<JsonNode> jsonLogLines(String instance) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(WORK.resolve("logs/harvester-" + instance + ".log"))) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static long startRun(AppProcess harvester) throws Exception {
        HttpResponse<String> response = HTTP.send(
                operator(harvester, "/api/v1/sources/" + SOURCE + "/runs")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("id").asLong();
    }

    private static JsonNode run(AppProcess harvester, long runId) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(
                        operator(harvester, "/api/v1/runs/" + runId).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static JsonNode runToEnd(AppProcess harvester, long runId) throws Exception {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() ->
                        !"running".equals(run(harvester, runId).path("status").asText()));
        return run(harvester, runId);
    }

    private static List<String> errors(AppProcess harvester, long runId) throws Exception {
        JsonNode errors = JSON.readTree(HTTP.send(
                        operator(harvester, "/api/v1/runs/" + runId + "/errors")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        List<String> lines = new ArrayList<>();
        errors.forEach(e ->
                lines.add(e.path("stage").asText() + " " + e.path("message").asText()));
        return lines;
    }

    private static int processed(JsonNode run) {
        JsonNode counts = run.path("counts");
        return counts.path("added").asInt()
                + counts.path("updated").asInt()
                + counts.path("unchanged").asInt()
                + counts.path("errored").asInt();
    }

    private static JsonNode indexed(String id) throws Exception {
        return JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + "/onewindow-services/_doc/" + id))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static HttpRequest.Builder operator(AppProcess harvester, String path) {
        return HttpRequest.newBuilder(URI.create(harvester.url() + path)).header("Authorization", "Bearer " + KEY);
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection db = database();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String queryString(String sql) throws SQLException {
        try (Connection db = database();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
