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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onewindow.runtime.Ports;
import org.onewindow.runtime.demo.DemoAgency;

/**
 * {@code ./onewindow} itself, as a newcomer runs it, with each component of the running stack killed (SIGKILL): the
 * supervisor starts it again with its data and logs it, {@code status} says which component is down and since when,
 * and {@code up} converges over a crashed component or a dead supervisor. Own state directory and ports, so a
 * developer's stack may run beside it. Runs in the {@code faults} profile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneWindowCommandFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path REPO = Path.of(System.getProperty("onewindow.repo-root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path STATE = Path.of("target/command-stack").toAbsolutePath();
    private static final int SERVICES =
            DemoAgency.all().stream().mapToInt(DemoAgency::serviceCount).sum();
    private static final Map<String, String> PORTS = Map.of(
            "ONEWINDOW_ES_PORT", Integer.toString(Ports.free()),
            "ONEWINDOW_PG_PORT", Integer.toString(Ports.free()),
            "ONEWINDOW_HARVESTER_PORT", Integer.toString(Ports.free()),
            "ONEWINDOW_API_PORT", Integer.toString(Ports.free()));

    private record Result(int code, String output) {}

    private static String upOutput;

    @BeforeAll
    static void up() throws IOException {
        assertThat(REPO.resolve("local-runtime/target/lib/elasticsearch.zip"))
                .as("packaged before the e2e tests")
                .exists();
        deleteTree(STATE);
        Result up = onewindow("up");
        assertThat(up.code()).as(up.output()).isZero();
        assertThat(up.output()).contains("searchable: " + SERVICES + " services");
        upOutput = up.output();
    }

    @AfterAll
    static void down() {
        Result down = onewindow("down");
        assertThat(down.code()).as(down.output()).isZero();
        assertThat(down.output()).contains("stopped; ports are free");
    }

    @Test
    @Order(0)
    void upIssuesEachDemoAgencyAKeyThatActsForItsOwnSourcesAndSaysLoopbackIsAllowed() throws Exception {
        assertThat(upOutput)
                .contains("loopback and private addresses allowed for every source and dry-run")
                .contains("agency-<code>.key for 1352000");
        Path keyFile = STATE.resolve("keys/agency-1352000.key");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String harvester = component("harvester").path("url").asText();
        String key = Files.readString(keyFile).strip();

        HttpResponse<String> own = HTTP.send(
                HttpRequest.newBuilder(URI.create(harvester + "/api/v1/sources"))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        List<String> agencies = new ArrayList<>();
        JSON.readTree(own.body())
                .forEach(source ->
                        agencies.add(source.path("agency").path("code").asText()));
        assertThat(agencies).isNotEmpty().containsOnly("1352000");
        HttpResponse<String> keys = HTTP.send(
                HttpRequest.newBuilder(URI.create(harvester + "/api/v1/keys"))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(keys.statusCode()).as("an agency key is no operator's").isEqualTo(403);
    }

    @Test
    @Order(0)
    void sourcesRunsAndDryRunWorkFromTheShellWithTheStoredKeyOrAnAgencys() throws Exception {
        Result sources = onewindow("sources");
        assertThat(sources.code()).as(sources.output()).isZero();
        assertThat(sources.output()).contains("mohw-welfare").contains("succeeded");
        Result runs = onewindow("runs", "mohw-welfare");
        assertThat(runs.code()).as(runs.output()).isZero();
        assertThat(runs.output()).contains("succeeded");
        Result unknown = onewindow("runs", "no-such-source");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.output()).contains("404: no source no-such-source");

        Path file = STATE.resolve("mohw-welfare-trial.yaml");
        Files.writeString(
                file,
                Files.readString(REPO.resolve("mappings/src/main/resources/sources/mohw-welfare.yaml"))
                        .replace(
                                "baseUrl: http://localhost:8089",
                                "baseUrl: "
                                        + component("demo-mohw-welfare")
                                                .path("url")
                                                .asText()));
        Result dryRun = onewindow("dry-run", file.toString(), "--limit", "2", "--diff");
        assertThat(dryRun.code()).as(dryRun.output()).isZero();
        assertThat(dryRun.output())
                .contains("2 of 2 tried are publishable")
                .contains("next: --offset 2")
                .contains("unchanged     2");

        Result asAgency = onewindow(
                Map.of(
                        "ONEWINDOW_KEY",
                        Files.readString(STATE.resolve("keys/agency-1352000.key"))
                                .strip()),
                "sources");
        assertThat(asAgency.code()).as(asAgency.output()).isZero();
        assertThat(asAgency.output()).contains("mohw-welfare").doesNotContain("seoul-sitemap");
    }

    @Test
    @Order(1)
    void aKilledHarvesterIsStartedAgainAndStatusSaysItWasDownAndSinceWhen() throws Exception {
        killAndSeeItStartedAgain("harvester", true);
    }

    @Test
    @Order(2)
    void aKilledCatalogueApiIsStartedAgain() throws Exception {
        killAndSeeItStartedAgain("catalogue-api", false);
        assertThat(catalogueSize()).isEqualTo(SERVICES);
    }

    @Test
    @Order(3)
    void aKilledElasticsearchIsStartedAgainWithItsIndex() throws Exception {
        killAndSeeItStartedAgain("elasticsearch", true);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> catalogueSize() == SERVICES);
    }

    @Test
    @Order(4)
    void aKilledPostgresqlIsStartedAgainWithItsData() throws Exception {
        killAndSeeItStartedAgain("postgresql", false);
        // the record of truth is still there: harvesting a source again finds every service unchanged
        JsonNode run = await().atMost(Duration.ofSeconds(120))
                .ignoreExceptions()
                .until(
                        () -> harvest("mohw-welfare"),
                        r -> "succeeded".equals(r.path("status").asText()));
        assertThat(run.path("counts").path("unchanged").asInt())
                .isEqualTo(DemoAgency.all().stream()
                        .filter(agency -> agency.sourceId().equals("mohw-welfare"))
                        .findFirst()
                        .orElseThrow()
                        .serviceCount());
        assertThat(run.path("counts").path("added").asInt()).isZero();
    }

    @Test
    @Order(5)
    void upOverAStackWithAComponentDownSaysWhichStartsItAndEndsSearchable() throws Exception {
        kill(component("elasticsearch").path("pid").asLong());

        Result up = onewindow("up");

        assertThat(up.code()).as(up.output()).isZero();
        assertThat(up.output())
                .contains("but down: elasticsearch")
                .contains("every component is up")
                .contains("searchable: " + SERVICES + " services");
    }

    @Test
    @Order(6)
    void upAfterTheSupervisorDiedStartsTheStackAgainWithItsData() throws Exception {
        long harvester = component("harvester").path("pid").asLong();
        kill(supervisorPid());
        kill(harvester);

        Result up = onewindow("up");

        assertThat(up.code()).as(up.output()).isZero();
        assertThat(up.output())
                .contains("the stack's supervisor has stopped; still running: postgresql, elasticsearch, catalogue-api;"
                        + " down: harvester")
                .contains("searchable: " + SERVICES + " services");
        assertThat(onewindow("status").code()).as("everything up").isZero();
        assertThat(Files.readString(STATE.resolve("logs/stack.log")))
                .as("the log keeps the history of the stack before")
                .contains("harvester is down: its process")
                .contains("elasticsearch is up again");
    }

    private static void killAndSeeItStartedAgain(String name, boolean statusWhileDown) throws Exception {
        JsonNode before = component(name);
        long pid = before.path("pid").asLong();
        int restarts = before.path("restarts").asInt();
        assertThat(before.path("state").asText()).isEqualTo("up");

        kill(pid);

        JsonNode down = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> component(name), c -> "down".equals(c.path("state").asText()));
        assertThat(down.path("problem").asText()).isEqualTo("its process (pid " + pid + ") ended");
        if (statusWhileDown) {
            Result status = onewindow("status");
            assertThat(status.code()).as(status.output()).isEqualTo(1);
            assertThat(status.output())
                    .containsPattern("(?m)^  " + name + " +DOWN .*down since \\d\\d:\\d\\d:\\d\\d \\(\\d+ s ago\\):"
                            + " its process \\(pid " + pid + "\\) ended");
        }
        JsonNode up = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> component(name), c -> "up".equals(c.path("state").asText()));
        assertThat(up.path("restarts").asInt()).isEqualTo(restarts + 1);
        assertThat(up.path("pid").asLong()).isNotEqualTo(pid);
        assertThat(Files.readString(STATE.resolve("logs/stack.log")))
                .contains(name + " is down: its process (pid " + pid + ") ended")
                .contains(name + " is up again (pid " + up.path("pid").asLong() + ")");
        Result status = onewindow("status");
        assertThat(status.code()).as(status.output()).isZero();
        assertThat(status.output()).containsPattern("(?m)^  " + name + " +up .*started again " + (restarts + 1) + "×");
    }

    private static JsonNode component(String name) throws IOException {
        for (JsonNode component :
                JSON.readTree(STATE.resolve("stack.json").toFile()).path("components")) {
            if (name.equals(component.path("name").asText())) {
                return component;
            }
        }
        throw new IllegalStateException("no " + name + " in stack.json");
    }

    private static long supervisorPid() throws IOException {
        return Long.parseLong(Files.readString(STATE.resolve("stack.pid")).strip());
    }

    private static void kill(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static int catalogueSize() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                component("catalogue-api").path("url").asText() + "/api/v1/services?size=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("total").asInt();
    }

    private static JsonNode harvest(String source) throws Exception {
        String harvester = component("harvester").path("url").asText();
        String key = Files.readString(STATE.resolve("operator.key")).strip();
        HttpResponse<String> started = HTTP.send(
                HttpRequest.newBuilder(URI.create(harvester + "/api/v1/sources/" + source + "/runs"))
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = JSON.readTree(started.body()).path("id").asLong();
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> JSON.readTree(HTTP.send(
                                        HttpRequest.newBuilder(URI.create(harvester + "/api/v1/runs/" + runId))
                                                .header("Authorization", "Bearer " + key)
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body()),
                        run -> !"running".equals(run.path("status").asText()));
    }

    /** Runs {@code ./onewindow <command>} from the repository as a newcomer would, on this test's state and ports. */
    private static Result onewindow(String command, String... args) {
        return onewindow(Map.of(), command, args);
    }

    private static Result onewindow(Map<String, String> environment, String command, String... args) {
        try {
            List<String> commandLine =
                    new ArrayList<>(List.of(REPO.resolve("onewindow").toString(), command));
            commandLine.addAll(List.of(args));
            ProcessBuilder builder =
                    new ProcessBuilder(commandLine).directory(REPO.toFile()).redirectErrorStream(true);
            builder.environment().put("ONEWINDOW_STATE", STATE.toString());
            builder.environment().putAll(PORTS);
            builder.environment().putAll(environment);
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                reader.lines().forEach(line -> {
                    System.out.println("[onewindow " + command + "] " + line);
                    lines.add(line);
                });
            }
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./onewindow " + command + " did not end within 15 minutes");
            }
            return new Result(process.exitValue(), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
