package org.onewindow.catalogue.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL queries of docker/monitoring: the alert rules' and the Grafana dashboard's. */
final class MonitoringQueries {

    static final Path DIRECTORY = Path.of("..", "docker", "monitoring");
    static final Path ALERTS = DIRECTORY.resolve("alerts.yml");
    static final Path DASHBOARD = DIRECTORY.resolve("grafana-dashboard.json");

    private static final Pattern METRIC = Pattern.compile("\\b((?:onewindow|http_server)_[a-z0-9_]+)\\b");

    private MonitoringQueries() {}

    static List<String> all() throws IOException {
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
    static Set<String> metricsOf(String job) throws IOException {
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
}
