package org.onewindow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Drives the harvester's operator API: harvest every source now and report progress until the runs end. */
public final class OperatorClient {

    /** How a run ended. */
    public record RunResult(String sourceId, long runId, String status, JsonNode counts) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String harvesterUrl;
    private final String key;

    public OperatorClient(String harvesterUrl, String key) {
        this.harvesterUrl = harvesterUrl;
        this.key = key;
    }

    public List<RunResult> harvestAllSources(Duration timeout, Consumer<String> progress) {
        return harvest(source -> true, timeout, progress);
    }

    /** Harvests the sources that have no successful run yet (new ones, or ones whose last run failed). */
    public List<RunResult> harvestSourcesNotYetHarvested(Duration timeout, Consumer<String> progress) {
        return harvest(
                source -> !"succeeded"
                        .equals(source.path("lastRun").path("status").asText()),
                timeout,
                progress);
    }

    /** Harvests one source and waits for the run to end. */
    /**
     * Starts a run of every source {@code which} names at once (the harvester runs as many as it has run threads, the
     * others wait), then waits for each to end.
     */
    public List<RunResult> harvestAllAtOnce(Predicate<String> which, Duration timeout, Consumer<String> progress) {
        Map<String, Long> started = new LinkedHashMap<>();
        for (JsonNode source : call("GET", "/api/v1/sources", 200)) {
            String sourceId = source.path("id").asText();
            if (!which.test(sourceId)) {
                continue;
            }
            JsonNode run = call("POST", "/api/v1/sources/" + sourceId + "/runs", 202, 409);
            started.put(sourceId, run.has("id") ? run.path("id").asLong() : runningRunId(run));
        }
        progress.accept(started.size() + " runs started");
        List<RunResult> results = new ArrayList<>();
        started.forEach((sourceId, runId) -> results.add(await(sourceId, runId, timeout, report -> {})));
        return results;
    }

    public RunResult harvestSource(String sourceId, Duration timeout, Consumer<String> progress) {
        List<RunResult> results =
                harvest(source -> sourceId.equals(source.path("id").asText()), timeout, progress);
        if (results.isEmpty()) {
            throw new RuntimeEnvironmentException("the harvester has no source " + sourceId);
        }
        return results.get(0);
    }

    private List<RunResult> harvest(Predicate<JsonNode> which, Duration timeout, Consumer<String> progress) {
        List<RunResult> results = new ArrayList<>();
        for (JsonNode source : call("GET", "/api/v1/sources", 200)) {
            if (!which.test(source)) {
                continue;
            }
            String sourceId = source.path("id").asText();
            JsonNode started = call("POST", "/api/v1/sources/" + sourceId + "/runs", 202, 409);
            long runId = started.has("id") ? started.path("id").asLong() : runningRunId(started);
            progress.accept("harvest of " + sourceId + " ("
                    + source.path("agency").path("name").asText() + "): run " + runId + " started");
            results.add(await(sourceId, runId, timeout, progress));
        }
        return results;
    }

    private static long runningRunId(JsonNode conflict) {
        String detail = conflict.path("detail").asText();
        return Long.parseLong(detail.replaceAll("^.*run (\\d+).*$", "$1"));
    }

    private RunResult await(String sourceId, long runId, Duration timeout, Consumer<String> progress) {
        Instant deadline = Instant.now().plus(timeout);
        String lastReport = "";
        while (true) {
            JsonNode run = call("GET", "/api/v1/runs/" + runId, 200);
            JsonNode counts = run.path("counts");
            String report = String.format(
                    "harvest of %s: %s, %d services harvested (%d added, %d updated, %d unchanged, %d rejected, %d errored)",
                    sourceId,
                    run.path("status").asText(),
                    counts.path("added").asInt()
                            + counts.path("updated").asInt()
                            + counts.path("unchanged").asInt(),
                    counts.path("added").asInt(),
                    counts.path("updated").asInt(),
                    counts.path("unchanged").asInt(),
                    counts.path("rejected").asInt(),
                    counts.path("errored").asInt());
            if (!report.equals(lastReport)) {
                progress.accept(report);
                lastReport = report;
            }
            if (!"running".equals(run.path("status").asText())) {
                return new RunResult(sourceId, runId, run.path("status").asText(), counts);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RuntimeEnvironmentException(
                        "run " + runId + " of " + sourceId + " still running after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(500); // polling a remote run's status
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeEnvironmentException("interrupted", e);
            }
        }
    }

    /** The agencies of the sources, by code, each with its name. */
    public Map<String, String> agencies() {
        Map<String, String> agencies = new TreeMap<>();
        for (JsonNode source : call("GET", "/api/v1/sources", 200)) {
            agencies.putIfAbsent(
                    source.path("agency").path("code").asText(),
                    source.path("agency").path("name").asText());
        }
        return agencies;
    }

    /** Lets the agency's sources harvest these hosts (what an agency key may point a mapping at). */
    public void allowHosts(String agencyCode, List<String> hosts, String reason) {
        call(
                "PUT",
                "/api/v1/agencies/" + agencyCode + "/hosts?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8),
                JSON.createObjectNode().set("hosts", JSON.valueToTree(hosts)),
                200);
    }

    /** Issues an agency key; the answer is the only place the key is. */
    public String issueAgencyKey(String name, String agencyCode) {
        return call(
                        "POST",
                        "/api/v1/keys",
                        JSON.createObjectNode()
                                .put("name", name)
                                .put("role", "agency")
                                .put("agencyCode", agencyCode),
                        201)
                .path("key")
                .asText();
    }

    /** Whether this client's key is accepted (not revoked, not unknown). */
    public boolean keyAccepted() {
        try {
            call("GET", "/api/v1/sources", 200);
            return true;
        } catch (RuntimeEnvironmentException e) {
            if (e.getMessage().contains("answered 401")) {
                return false;
            }
            throw e;
        }
    }

    private JsonNode call(String method, String path, int... expected) {
        return call(method, path, null, expected);
    }

    private JsonNode call(String method, String path, JsonNode body, int... expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(harvesterUrl + path))
                    .header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return JSON.readTree(response.body());
                }
            }
            throw new RuntimeEnvironmentException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            throw new RuntimeEnvironmentException(
                    method + " " + harvesterUrl + path + " failed: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + " (is the harvester running? ./onewindow status)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeEnvironmentException("interrupted", e);
        }
    }
}
