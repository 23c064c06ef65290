package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.onewindow.catalogue.search.SearchQueries;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.runtime.LocalStack;
import org.onewindow.runtime.OperatorClient;

/**
 * The search benchmark: starts the stack with a generated catalogue of {@code --services} services, harvests it
 * through the harvester (JSON API → PostgreSQL → outbox → Elasticsearch), then drives the catalogue API and, side
 * by side in the same run, Elasticsearch itself with the same queries ({@link QueryMix}) using wrk, round after
 * round, and writes the table to {@code <state>/results.md}. Run it with {@code scripts/bench}.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "bench-operator-key-of-at-least-32-characters";
    private static final int MIXED_REQUESTS = 2000;
    private static final int SUGGEST_REQUESTS = 500;

    private final Options options;

    private Bench(Options options) {
        this.options = options;
    }

    /** Settings, from {@code --name=value} arguments. */
    record Options(
            boolean hold,
            boolean reindex,
            int services,
            int rounds,
            Duration duration,
            Duration warmUp,
            int threads,
            int connections,
            int mixedRate,
            int suggestRate,
            String elasticsearchHeap,
            String appHeap,
            Path state,
            Path elasticsearchZip,
            Path pluginZip,
            Path harvesterJar,
            Path apiJar) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("arguments are --name=value, got '" + arg + "'");
                }
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Options options = new Options(
                    Boolean.parseBoolean(given.getOrDefault("hold", "false")),
                    Boolean.parseBoolean(given.getOrDefault("reindex", "true")),
                    Integer.parseInt(given.getOrDefault("services", "100000")),
                    Integer.parseInt(given.getOrDefault("rounds", "3")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "20"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up-seconds", "20"))),
                    Integer.parseInt(given.getOrDefault("threads", "2")),
                    Integer.parseInt(given.getOrDefault("connections", "8")),
                    Integer.parseInt(given.getOrDefault("mixed-rate", "100")),
                    Integer.parseInt(given.getOrDefault("suggest-rate", "400")),
                    given.getOrDefault("es-heap", "2g"),
                    given.getOrDefault("app-heap", "1g"),
                    Path.of(given.getOrDefault("state", "target/bench")),
                    Path.of(required(given, "elasticsearch-zip")),
                    Path.of(required(given, "analysis-plugin-zip")),
                    Path.of(required(given, "harvester-jar")),
                    Path.of(required(given, "api-jar")));
            given.keySet()
                    .removeAll(List.of(
                            "hold",
                            "reindex",
                            "services",
                            "rounds",
                            "seconds",
                            "warm-up-seconds",
                            "threads",
                            "connections",
                            "mixed-rate",
                            "suggest-rate",
                            "es-heap",
                            "app-heap",
                            "state",
                            "elasticsearch-zip",
                            "analysis-plugin-zip",
                            "harvester-jar",
                            "api-jar"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown arguments: " + given.keySet());
            }
            return options;
        }

        private static String required(Map<String, String> given, String name) {
            String value = given.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + "= is required");
            }
            return value;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Wrk.requireInstalled();
        new Bench(options).run();
    }

    private void run() throws Exception {
        Path state = options.state().toAbsolutePath();
        Files.createDirectories(state.resolve("mappings"));
        try (InputStream mapping = Bench.class.getResourceAsStream("/" + GeneratedAgency.MAPPING_FILE)) {
            Files.write(state.resolve("mappings").resolve(GeneratedAgency.SOURCE_ID + ".yaml"), mapping.readAllBytes());
        }
        List<String> jvm = List.of("-Xms" + options.appHeap(), "-Xmx" + options.appHeap());
        LocalStack.Profile profile = new LocalStack.Profile(
                options.elasticsearchHeap(),
                jvm,
                List.of(new GeneratedAgency(options.services())),
                Map.of(
                        "onewindow.mapping-dir",
                        state.resolve("mappings").toString(),
                        "onewindow.harvest.schedules-enabled",
                        "false"),
                // The benchmark is one client sending far more than a citizen's app: the limit is raised, not switched
                // off.
                Map.of("onewindow.api.rate-limit.per-second", "1000000", "onewindow.api.rate-limit.burst", "1000000"));
        LocalStack.Settings settings = new LocalStack.Settings(
                state.resolve("stack"),
                options.elasticsearchZip(),
                options.pluginZip(),
                options.harvesterJar(),
                options.apiJar(),
                OPERATOR_KEY,
                false,
                LocalStack.Ports.random(),
                profile);
        Instant started = Instant.now();
        try (LocalStack stack = LocalStack.start(settings, Bench::say)) {
            Thread stopOnSignal = new Thread(stack::close, "bench-stop"); // Ctrl-C or kill: stop what was started
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            String elasticsearch = loopback(stack.url("elasticsearch"));
            String api = loopback(stack.url("catalogue-api"));
            Load load = load(stack, elasticsearch);
            Path requests = writeRequests(state);
            verifyTwins(api, elasticsearch, QueryMix.mixed(MIXED_REQUESTS));
            if (options.hold()) {
                say("holding the loaded stack (--hold=true) until stopped: API " + api + ", Elasticsearch "
                        + elasticsearch + "; request files in " + requests);
                Thread.currentThread().join();
            }
            Path script = state.resolve("requests.lua");
            try (InputStream lua = Bench.class.getResourceAsStream("/bench/requests.lua")) {
                Files.write(script, lua.readAllBytes());
            }
            Wrk wrk = new Wrk(script, options.threads(), options.connections(), options.duration());
            say("warming up both sides for " + options.warmUp().toSeconds() + " s each");
            for (String mix : List.of("mixed", "suggest")) {
                wrk.saturate("api", mix, api, requests.resolve(mix + "-api.txt"), options.warmUp());
                wrk.saturate("elasticsearch", mix, elasticsearch, requests.resolve(mix + "-es.txt"), options.warmUp());
            }
            List<Wrk.Result> results = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                for (String mix : List.of("mixed", "suggest")) {
                    int rate = "mixed".equals(mix) ? options.mixedRate() : options.suggestRate();
                    for (boolean paced : List.of(false, true)) {
                        for (String target : List.of("api", "elasticsearch")) {
                            String url = "api".equals(target) ? api : elasticsearch;
                            Path file = requests.resolve(mix + ("api".equals(target) ? "-api.txt" : "-es.txt"));
                            Wrk.Result result = paced
                                    ? wrk.pace(target, mix, url, file, rate)
                                    : wrk.saturate(target, mix, url, file);
                            say(String.format(
                                    "round %d, %s, %s, %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors",
                                    round,
                                    mix,
                                    result.load(),
                                    target,
                                    result.perSecond(),
                                    result.p50(),
                                    result.p99(),
                                    result.errors()));
                            results.add(result);
                        }
                    }
                }
            }
            // last: the rebuild leaves a fresh index behind the alias, not the force-merged one the rounds searched
            ReindexBenchmark.Result reindex = options.reindex()
                    ? new ReindexBenchmark(
                                    loopback(stack.url("harvester")),
                                    OPERATOR_KEY,
                                    elasticsearch,
                                    stack.url("postgresql"),
                                    Bench::say)
                            .run(options.services())
                    : null;
            String report = report(load, results, reindex, Duration.between(started, Instant.now()));
            Files.writeString(state.resolve("results.md"), report);
            System.out.println();
            System.out.println(report);
            say("written to " + state.resolve("results.md"));
        }
    }

    private record Load(int services, Duration harvest, Duration untilSearchable, String runStatus) {}

    /** Harvests the generated source and waits until Elasticsearch holds every service. */
    private Load load(LocalStack stack, String elasticsearch) throws IOException, InterruptedException {
        Instant start = Instant.now();
        OperatorClient operator = new OperatorClient(stack.url("harvester"), OPERATOR_KEY);
        OperatorClient.RunResult run =
                operator.harvestSource(GeneratedAgency.SOURCE_ID, Duration.ofHours(1), Bench::say);
        Duration harvest = Duration.between(start, Instant.now());
        if (!"succeeded".equals(run.status())
                || run.counts().path("added").asInt()
                                + run.counts().path("unchanged").asInt()
                        != options.services()) {
            throw new IllegalStateException("the harvest of the generated catalogue ended " + run.status() + " with "
                    + run.counts() + " (see " + options.state().resolve("stack/logs/harvester.log") + ")");
        }
        HttpClient http = HttpClient.newHttpClient();
        long indexed = 0;
        long reported = -1;
        while (indexed < options.services()) {
            HttpResponse<String> count = http.send(
                    HttpRequest.newBuilder(URI.create(elasticsearch + "/" + ServiceIndex.ALIAS + "/_count"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            indexed = count.statusCode() == 200
                    ? JSON.readTree(count.body()).path("count").asLong()
                    : 0;
            if (indexed != reported) {
                say(String.format("Elasticsearch holds %,d of %,d services", indexed, options.services()));
                reported = indexed;
            }
            if (Duration.between(start, Instant.now()).toMinutes() > 60) {
                throw new IllegalStateException("the outbox has not drained into Elasticsearch after an hour");
            }
            if (indexed < options.services()) {
                Thread.sleep(2000); // polling another process's progress
            }
        }
        http.send(
                HttpRequest.newBuilder(URI.create(
                                elasticsearch + "/" + ServiceIndex.ALIAS + "/_forcemerge?max_num_segments=1"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofMinutes(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Load(options.services(), harvest, Duration.between(start, Instant.now()), run.status());
    }

    /**
     * Sends every request of the mix once to each side and checks both found the same (services matched, suggestions
     * in the same order, services counted by a list), so the comparison is between the same queries.
     */
    private static void verifyTwins(String api, String elasticsearch, List<QueryMix.Request> mix)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (QueryMix.Request request : mix) {
            HttpResponse<String> apiAnswer = http.send(
                    HttpRequest.newBuilder(URI.create(api + request.apiPath())).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> esAnswer = http.send(
                    HttpRequest.newBuilder(URI.create(elasticsearch + SearchQueries.SEARCH_PATH))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.elasticsearchBody()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (apiAnswer.statusCode() != 200 || esAnswer.statusCode() != 200) {
                throw new IllegalStateException(request.apiPath() + ": the API answered " + apiAnswer.statusCode()
                        + ", Elasticsearch " + esAnswer.statusCode() + ": " + apiAnswer.body() + " " + esAnswer.body());
            }
            String apiFound = found(request.kind(), JSON.readTree(apiAnswer.body()), true);
            String esFound = found(request.kind(), JSON.readTree(esAnswer.body()), false);
            if (!apiFound.equals(esFound)) {
                throw new IllegalStateException(
                        request.apiPath() + ": the API found " + apiFound + ", Elasticsearch " + esFound);
            }
        }
        say("every request of the mix finds the same through the API and straight from Elasticsearch (" + mix.size()
                + " checked)");
    }

    private static String found(String kind, JsonNode answer, boolean api) {
        switch (kind) {
            case "suggest" -> {
                List<String> ids = new ArrayList<>();
                (api ? answer.path("items") : answer.path("hits").path("hits"))
                        .forEach(hit -> ids.add(
                                api
                                        ? hit.path("id").asText()
                                        : hit.path("_source").path("id").asText()));
                return ids.toString();
            }
            case "list" -> {
                long services = 0;
                for (JsonNode value : api
                        ? answer.path("items")
                        : answer.path("aggregations").path("values").path("buckets")) {
                    services += api
                            ? value.path("count").asLong()
                            : value.path("doc_count").asLong();
                }
                return services + " counted";
            }
            default -> {
                return (api
                                ? answer.path("total").asLong()
                                : answer.path("hits")
                                        .path("total")
                                        .path("value")
                                        .asLong()) + " matched";
            }
        }
    }

    /** The request files wrk reads: for each mix, the API's requests and Elasticsearch's twins, line for line. */
    private Path writeRequests(Path state) throws IOException {
        Path folder = Files.createDirectories(state.resolve("requests"));
        writeMix(folder, "mixed", QueryMix.mixed(MIXED_REQUESTS));
        writeMix(folder, "suggest", QueryMix.suggestionsOnly(SUGGEST_REQUESTS));
        return folder;
    }

    private static void writeMix(Path folder, String name, List<QueryMix.Request> mix) throws IOException {
        Files.write(
                folder.resolve(name + "-api.txt"),
                mix.stream().map(r -> "GET\t" + r.apiPath() + "\t").toList(),
                StandardCharsets.UTF_8);
        Files.write(
                folder.resolve(name + "-es.txt"),
                mix.stream()
                        .map(r -> "POST\t" + SearchQueries.SEARCH_PATH + "\t" + r.elasticsearchBody())
                        .toList(),
                StandardCharsets.UTF_8);
        Map<String, Long> kinds = mix.stream()
                .collect(Collectors.groupingBy(QueryMix.Request::kind, TreeMap::new, Collectors.counting()));
        say(name + " mix: " + mix.size() + " requests " + kinds);
    }

    private String report(Load load, List<Wrk.Result> results, ReindexBenchmark.Result reindex, Duration total) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "Run %s, %d cores, Java %s; Elasticsearch heap %s, apps' heap %s; wrk -t%d -c%d, %d s a run, %d rounds;"
                        + " paced runs at %d req/s (mixed) and %d req/s (suggest)%n%n",
                DateTimeFormatter.ISO_INSTANT.format(
                        Instant.now().atOffset(ZoneOffset.UTC).withNano(0)),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                options.elasticsearchHeap(),
                options.appHeap(),
                options.threads(),
                options.connections(),
                options.duration().toSeconds(),
                options.rounds(),
                options.mixedRate(),
                options.suggestRate()));
        out.append(String.format(
                "Catalogue: %,d generated services harvested (run %s) in %d s, all searchable after %d s.%n%n",
                load.services(),
                load.runStatus(),
                load.harvest().toSeconds(),
                load.untilSearchable().toSeconds()));
        out.append("| mix | load | target | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Wrk.Result r : results) {
            out.append(String.format(
                    "| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %d |%n",
                    r.mix(), r.load(), r.target(), r.perSecond(), r.p50(), r.p90(), r.p99(), r.max(), r.errors()));
        }
        out.append("\nMedians over the rounds, API beside Elasticsearch:\n\n"
                + "| mix | saturated: API req/s | ES req/s | ratio | paced: API p50 ms | ES p50 ms | API p99 ms | ES p99 ms | p99 ratio |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String mix : List.of("mixed", "suggest")) {
            double apiRate = median(results, mix, true, "api", Wrk.Result::perSecond);
            double esRate = median(results, mix, true, "elasticsearch", Wrk.Result::perSecond);
            double apiP50 = median(results, mix, false, "api", Wrk.Result::p50);
            double esP50 = median(results, mix, false, "elasticsearch", Wrk.Result::p50);
            double apiP99 = median(results, mix, false, "api", Wrk.Result::p99);
            double esP99 = median(results, mix, false, "elasticsearch", Wrk.Result::p99);
            out.append(String.format(
                    "| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    mix, apiRate, esRate, apiRate / esRate, apiP50, esP50, apiP99, esP99, apiP99 / esP99));
        }
        if (reindex != null) {
            out.append(String.format(
                    "%nReindex of %,d services: the harvester's rebuild %.1f s (%,.0f services/s); a raw _bulk of the"
                            + " same documents (bulks of %d, one at a time, then a refresh) %.1f s (%,.0f/s); raw ÷ rebuild %.2f.%n",
                    reindex.services(),
                    reindex.rebuild().toMillis() / 1000.0,
                    reindex.services() / (reindex.rebuild().toMillis() / 1000.0),
                    ReindexBenchmark.BULK_SIZE,
                    reindex.rawBulk().toMillis() / 1000.0,
                    reindex.services() / (reindex.rawBulk().toMillis() / 1000.0),
                    reindex.ratio()));
        }
        out.append(String.format("%nWhole benchmark: %d s.%n", total.toSeconds()));
        return out.toString();
    }

    private static double median(
            List<Wrk.Result> results,
            String mix,
            boolean saturated,
            String target,
            ToDoubleFunction<Wrk.Result> value) {
        double[] values = results.stream()
                .filter(r -> r.mix().equals(mix)
                        && r.target().equals(target)
                        && r.load().equals("saturated") == saturated)
                .mapToDouble(value)
                .sorted()
                .toArray();
        return values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String loopback(String url) {
        return url.replace("//localhost:", "//127.0.0.1:");
    }

    private static void say(String message) {
        System.out.println(DateTimeFormatter.ofPattern("HH:mm:ss").format(LocalTime.now()) + " " + message);
    }
}
