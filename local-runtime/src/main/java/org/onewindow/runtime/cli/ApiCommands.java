package org.onewindow.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.runtime.RuntimeEnvironmentException;

/**
 * {@code ./onewindow sources | runs SOURCE | dry-run FILE}: the operator API from a shell, with the stored key (the
 * operator key the stack made, or {@code ONEWINDOW_KEY}, e.g. an agency's) against the running stack's harvester (or
 * {@code ONEWINDOW_HARVESTER_URL}). What the API refuses is said as the API says it.
 */
final class ApiCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String harvester;
    private final String key;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiCommands(String harvester, String key, PrintStream out) {
        this.harvester = harvester;
        this.key = key;
        this.out = out;
    }

    /** Every source the key may see: its kind, agency, whether it is enabled, and its last run. */
    int sources() {
        JsonNode sources = call("GET", "/api/v1/sources", null, null);
        out.printf("%-22s %-9s %-10s %-8s %-10s %s%n", "SOURCE", "KIND", "AGENCY", "ENABLED", "LAST RUN", "COUNTS");
        for (JsonNode source : sources) {
            JsonNode run = source.path("lastRun");
            out.printf(
                    "%-22s %-9s %-10s %-8s %-10s %s%n",
                    source.path("id").asText(),
                    source.path("kind").asText(),
                    source.path("agency").path("code").asText(),
                    source.path("enabled").asBoolean() ? "yes" : "no",
                    run.isMissingNode() || run.isNull()
                            ? "never"
                            : run.path("status").asText(),
                    run.isMissingNode() || run.isNull() ? "" : counts(run.path("counts")));
        }
        return 0;
    }

    /** The source's newest runs. */
    int runs(String sourceId) {
        JsonNode runs = call("GET", "/api/v1/sources/" + encode(sourceId) + "/runs", null, null);
        out.printf("%-7s %-10s %-9s %-25s %s%n", "RUN", "STATUS", "BY", "STARTED", "COUNTS / MESSAGE");
        for (JsonNode run : runs) {
            out.printf(
                    "%-7d %-10s %-9s %-25s %s%s%n",
                    run.path("id").asLong(),
                    run.path("status").asText(),
                    run.path("requestedBy").asText("").isEmpty()
                            ? ""
                            : first(run.path("requestedBy").asText()),
                    run.path("startedAt").asText(),
                    counts(run.path("counts")),
                    run.path("message").isTextual() ? "  " + run.path("message").asText() : "");
        }
        if (runs.isEmpty()) {
            out.println("no run yet: ./onewindow runs shows them once the schedule or a ping has started one");
        }
        return 0;
    }

    /**
     * Tries a mapping file against its live site: each record's problems and warnings, the errors by stage, what a
     * diff against the published source says, and how to see the next records.
     */
    int dryRun(Path file, Map<String, String> parameters) {
        String body;
        try {
            body = Files.readString(file);
        } catch (IOException e) {
            throw new RuntimeEnvironmentException("cannot read " + file + ": " + e.getMessage());
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&")
                .append(name)
                .append('=')
                .append(encode(value)));
        JsonNode report = call("POST", "/api/v1/sources/dry-run" + query, "application/yaml", body);
        int publishable = 0;
        for (JsonNode record : report.path("records")) {
            boolean ok = record.path("publishable").asBoolean();
            publishable += ok ? 1 : 0;
            out.printf(
                    "%s %s  %s%n",
                    ok ? "ok " : "NO ",
                    record.path("sourceRecordId").asText(),
                    record.path("record")
                            .path("name")
                            .path("ko")
                            .asText(record.path("record")
                                    .path("name")
                                    .path("en")
                                    .asText("")));
            record.path("problems").forEach(p -> out.println("      problem: " + p.asText()));
            record.path("warnings").forEach(w -> out.println("      warning: " + w.asText()));
        }
        report.path("errors")
                .forEach(e -> out.println("error (" + e.path("stage").asText() + ") "
                        + e.path("url").asText("") + ": " + e.path("message").asText()));
        report.path("notes").forEach(n -> out.println("note: " + n.asText()));
        JsonNode diff = report.path("diff");
        if (diff.isObject()) {
            out.println("diff against what is published for "
                    + report.path("sourceId").asText() + ":");
            out.println("  would add     " + diff.path("added").size() + " " + list(diff.path("added")));
            for (JsonNode updated : diff.path("updated")) {
                out.println("  would update  " + updated.path("sourceRecordId").asText() + ": "
                        + list(updated.path("fields")));
            }
            out.println("  unchanged     " + diff.path("unchanged").asInt());
            if (diff.path("noLongerListed").isArray()) {
                out.println("  not listed    " + diff.path("noLongerListed").size() + " "
                        + list(diff.path("noLongerListed")) + " (withdrawn after "
                        + diff.path("withdrawnAfterMisses").asInt() + " complete runs miss them)");
            } else {
                out.println("  not listed    unknown: " + diff.path("note").asText());
            }
        }
        out.printf(
                "%d of %d tried are publishable; the listing names %d%s%n",
                publishable,
                report.path("recordsTried").asInt(),
                report.path("listed").asInt(),
                report.path("nextOffset").isNumber()
                        ? " so far; next: --offset " + report.path("nextOffset").asInt()
                        : report.path("listingComplete").asBoolean() ? " in all" : "");
        return publishable == report.path("recordsTried").asInt()
                        && report.path("errors").isEmpty()
                        && report.path("recordsTried").asInt() > 0
                ? 0
                : 1;
    }

    /** {@code --name value} or {@code --name=value} pairs after a command's own arguments. */
    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (!arg.startsWith("--")) {
                throw new RuntimeEnvironmentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            if (name.contains("=")) {
                options.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if ("diff".equals(name)) {
                options.put("diff", "true");
            } else if (rest.isEmpty()) {
                throw new RuntimeEnvironmentException("--" + name + " needs a value");
            } else {
                options.put(name, rest.remove(0));
            }
        }
        return options;
    }

    private JsonNode call(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(harvester + path))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(10));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                StringBuilder said = new StringBuilder(
                        response.statusCode() + ": " + answer.path("detail").asText(response.body()));
                answer.path("errors")
                        .forEach(e -> said.append("\n  ")
                                .append(e.path("parameter").asText())
                                .append(": ")
                                .append(e.path("message").asText()));
                throw new RuntimeEnvironmentException(said.toString());
            }
            return answer;
        } catch (IOException e) {
            throw new RuntimeEnvironmentException(
                    "the harvester at " + harvester + " does not answer (" + e.getMessage() + "): ./onewindow status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeEnvironmentException("interrupted");
        }
    }

    private static String counts(JsonNode counts) {
        return String.format(
                "+%d ~%d =%d -%d rejected %d errored %d",
                counts.path("added").asInt(),
                counts.path("updated").asInt(),
                counts.path("unchanged").asInt(),
                counts.path("withdrawn").asInt(),
                counts.path("rejected").asInt(),
                counts.path("errored").asInt());
    }

    private static String list(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts.size() > 10
                ? String.join(", ", texts.subList(0, 10)) + ", … (" + texts.size() + ")"
                : String.join(", ", texts);
    }

    private static String first(String label) {
        int space = label.indexOf(' ');
        return space < 0 ? label : label.substring(0, space);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
