package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.runtime.LocalStack;
import org.onewindow.runtime.OperatorClient;
import org.onewindow.runtime.demo.DemoAgency;
import org.onewindow.runtime.demo.DemoService;
import org.onewindow.runtime.demo.MohwWelfareAgency;

/**
 * Push latency (issue 13): an HTML board of generated services harvested whole, then pings one at a time, each naming
 * one page just changed on the site (a word of its own added to the service's name), delay 0 for the source. Measured
 * from the ping's 202 to the first answer of the public search API that finds the word: p50, p95, p99.
 *
 * <pre>scripts/bench-ping [--harvester-jar=harvester/target/quarkus-app/quarkus-run.jar] [--services=500]
 *   [--pings=200] [--state=target/bench-ping]</pre>
 */
public final class PingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "bench-operator-key-of-at-least-32-characters";
    private static final String SOURCE = "bench-ping";
    private static final Charset MS949 = Charset.forName("MS949");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Options(
            Path harvesterJar,
            Path apiJar,
            Path elasticsearchZip,
            Path pluginZip,
            int services,
            int pings,
            Path state) {

        static Options parse(String[] args) {
            Map<String, String> given = HarvestBenchmark.arguments(args);
            return new Options(
                    Path.of(given.getOrDefault("harvester-jar", "harvester/target/quarkus-app/quarkus-run.jar")),
                    Path.of(given.get("api-jar")),
                    Path.of(given.get("elasticsearch-zip")),
                    Path.of(given.get("analysis-plugin-zip")),
                    Integer.parseInt(given.getOrDefault("services", "500")),
                    Integer.parseInt(given.getOrDefault("pings", "200")),
                    Path.of(given.getOrDefault("state", "target/bench-ping")));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path state = options.state().toAbsolutePath();
        HarvestBenchmark.deleteRecursively(state);
        Path mappings = Files.createDirectories(state.resolve("mappings"));
        try (InputStream in = PingBenchmark.class.getResourceAsStream("/sources/mohw-welfare.yaml")) {
            Files.writeString(
                    mappings.resolve(SOURCE + ".yaml"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("id: mohw-welfare\n", "id: " + SOURCE + "\n"));
        }
        List<DemoService> services = List.copyOf(new GeneratedCatalogue(options.services()));
        DemoAgency agency = new MohwWelfareAgency(SOURCE, services);
        LocalStack.Settings settings = new LocalStack.Settings(
                state.resolve("stack"),
                options.elasticsearchZip(),
                options.pluginZip(),
                options.harvesterJar(),
                options.apiJar(),
                OPERATOR_KEY,
                false,
                LocalStack.Ports.random(),
                new LocalStack.Profile(
                        "1g",
                        List.of("-Xms512m", "-Xmx1g"),
                        List.of(agency),
                        Map.of(
                                "onewindow.mapping-dir", mappings.toString(),
                                "onewindow.harvest.schedules-enabled", "false",
                                "onewindow.push.pages-per-minute", "100000"),
                        Map.of()));
        List<Double> millis = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(settings, HarvestBenchmark::say)) {
            String harvester = stack.url("harvester");
            String api = stack.url("catalogue-api");
            String site = stack.url(LocalStack.demoComponent(SOURCE));
            OperatorClient operator = new OperatorClient(harvester, OPERATOR_KEY);
            HarvestBenchmark.say("harvesting " + services.size() + " services …");
            operator.harvestSource(SOURCE, Duration.ofMinutes(30), HarvestBenchmark::say);
            HarvestBenchmark.awaitIndexed(
                    stack.url("elasticsearch").replace("//localhost:", "//127.0.0.1:"), services.size());
            for (int i = 0; i < options.pings(); i++) {
                DemoService service = services.get(i % services.size());
                String word = String.format(Locale.ROOT, "pingmark%04dx", i);
                String page = site + "/portal/svc/view.do?menuNo=200123&svcId=" + service.id();
                change(site, page, service, word);
                long accepted = ping(harvester, page);
                awaitFound(api, word);
                millis.add((System.nanoTime() - accepted) / 1e6);
                if ((i + 1) % 50 == 0) {
                    HarvestBenchmark.say((i + 1) + " pings, last " + Math.round(millis.get(i)) + " ms");
                }
            }
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        String report = String.format(
                Locale.ROOT,
                "%d sequential pings, one changed page each, %d-service HTML board, delay 0; from the 202 to the first"
                        + " search answer finding the change:%n%n| p50 ms | p95 ms | p99 ms | max ms | mean ms |%n"
                        + "|---:|---:|---:|---:|---:|%n| %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                millis.size(),
                services.size(),
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.get(sorted.size() - 1),
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        HarvestBenchmark.writeReport(state, report);
    }

    /** The site serves the page with the word added to the service's name (a stub over WireMock's admin API). */
    private static void change(String site, String page, DemoService service, String word) throws Exception {
        byte[] current = HTTP.send(
                        HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
        String html = new String(current, MS949);
        String changed = html.replace(service.name() + "<", service.name() + " " + word + "<");
        if (changed.equals(html)) {
            throw new IllegalStateException("the page of " + service.id() + " does not show its name");
        }
        ObjectNode stub = JSON.createObjectNode().put("priority", 0);
        ObjectNode request = stub.putObject("request").put("method", "GET").put("urlPath", "/portal/svc/view.do");
        request.putObject("queryParameters").putObject("svcId").put("equalTo", service.id());
        stub.putObject("response")
                .put("status", 200)
                .put("base64Body", Base64.getEncoder().encodeToString(changed.getBytes(MS949)))
                .putObject("headers")
                .put("Content-Type", "text/html");
        HttpResponse<String> added = HTTP.send(
                HttpRequest.newBuilder(URI.create(site + "/__admin/mappings"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(stub.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (added.statusCode() != 201) {
            throw new IllegalStateException("the site refused the changed page: " + added.body());
        }
    }

    /** Pings the page; returns when the 202 arrived (System.nanoTime()). */
    private static long ping(String harvester, String page) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(harvester + "/api/v1/ping"))
                        .header("Authorization", "Bearer " + OPERATOR_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                                .set("urls", JSON.createArrayNode().add(page))
                                .toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 202 || body.path("accepted").size() != 1) {
            throw new IllegalStateException(
                    "ping of " + page + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return accepted;
    }

    private static void awaitFound(String api, String word) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        URI search = URI.create(api + "/api/v1/services?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer =
                    HTTP.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200
                    && JSON.readTree(answer.body()).path("total").asLong() > 0) {
                return;
            }
            Thread.sleep(10); // polling the public API, as a citizen's app would
        }
        throw new IllegalStateException("search never found " + word + " within 60 s");
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
