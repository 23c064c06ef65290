package org.onewindow.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The PromQL queries of docker/monitoring (the alert rules' and the Grafana dashboard's), read from an app module's
 * tests (paths relative to the module's directory), and the metric names a scrape exports.
 */
public final class MonitoringQueries {

    public static final Path DIRECTORY = Path.of("..", "docker", "monitoring");
    public static final Path ALERTS = DIRECTORY.resolve("alerts.yml");
    public static final Path DASHBOARD = DIRECTORY.resolve("grafana-dashboard.json");

    private static final Pattern METRIC = Pattern.compile("\\b((?:onewindow|http_server)_[a-z0-9_]+)\\b");

    private MonitoringQueries() {}

    public static List<String> all() throws IOException {
        List<String> queries = new ArrayList<>();
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
        for (JsonNode group : alerts.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                queries.add(rule.path("expr").asText());
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        return queries;
    }

    /**
     * The metrics the queries read from this job (by its {@code job} label; a query naming no job reads both apps'),
     * without Prometheus' own ({@code up}).
     */
    public static Set<String> metricsOf(String job) throws IOException {
        Set<String> metrics = new TreeSet<>();
        for (String query : all()) {
            boolean namesAJob = query.contains("job=\"") || query.contains("job=~\"");
            if (namesAJob && !query.matches("(?s).*job=~?\"[^\"]*\\b" + Pattern.quote(job) + "\\b[^\"]*\".*")) {
                continue;
            }
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                metrics.add(metric.group(1));
            }
        }
        return metrics;
    }

    /** The names of the series a {@code /q/metrics} answer holds (Prometheus text format). */
    public static Set<String> exported(String scrape) {
        return scrape.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.replaceFirst("[{ ].*", ""))
                .collect(Collectors.toSet());
    }

    /** The dashboard's queries as recording rules, so that promtool checks their syntax too. */
    public static Path dashboardAsRules(Path directory) throws IOException {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                rules.append("      - record: onewindow:panel_")
                        .append(panel.path("id").asInt())
                        .append('_')
                        .append(target.path("refId").asText())
                        .append("\n        expr: ")
                        .append(new ObjectMapper()
                                .writeValueAsString(target.path("expr").asText()))
                        .append('\n');
            }
        }
        Path file = directory.resolve("dashboard-rules.yml");
        Files.writeString(file, rules);
        return file;
    }
}
