package org.onewindow.bench;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.onewindow.runtime.LocalStack;
import org.onewindow.runtime.OperatorClient;
import org.onewindow.runtime.demo.DemoAgency;
import org.onewindow.runtime.demo.DemoService;
import org.onewindow.runtime.demo.JongnoGuAgency;
import org.onewindow.runtime.demo.MohwWelfareAgency;

/**
 * Harvest end to end over many agency hosts (issue 12, benchmark 2): sources of three kinds on hosts of their own — an
 * eGovFrame board (HTML list pages and a page per service, EUC-KR), an RSS feed carrying its items, a JSON API
 * carrying its records — each a WireMock server on its own port, politeness delay 0, one connection per host. Every
 * source is started at once; the harvester runs {@code --concurrent-runs} of them at a time. Then every source again,
 * unchanged. Side by side for several builds of the harvester, interleaved over rounds.
 *
 * <pre>scripts/bench-hosts --builds=before=/path/quarkus-run.jar,after=… [--services=10000] [--hosts=51] [--rounds=1]
 *   [--concurrent-runs=2]</pre>
 */
public final class HostsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "bench-operator-key-of-at-least-32-characters";
    private static final List<String> KINDS = List.of("html", "feed", "json");

    record Options(
            Map<String, Path> builds,
            Path apiJar,
            Path elasticsearchZip,
            Path pluginZip,
            int services,
            int hosts,
            int rounds,
            int concurrentRuns,
            Path state) {

        static Options parse(String[] args) {
            HarvestBenchmark.Options common = HarvestBenchmark.Options.parse(Arrays.stream(args)
                    .filter(arg -> !arg.startsWith("--hosts=") && !arg.startsWith("--concurrent-runs="))
                    .toArray(String[]::new));
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Options(
                    common.builds(),
                    common.apiJar(),
                    common.elasticsearchZip(),
                    common.pluginZip(),
                    Integer.parseInt(given.getOrDefault("services", "10000")),
                    Integer.parseInt(given.getOrDefault("hosts", "51")),
                    Integer.parseInt(given.getOrDefault("rounds", "1")),
                    Integer.parseInt(given.getOrDefault("concurrent-runs", "0")),
                    Path.of(given.getOrDefault("state", "target/bench-hosts")));
        }
    }

    record Measured(
            String build,
            int round,
            int services,
            long requests,
            double seconds,
            double cpu,
            double againSeconds,
            long againRequests,
            double againCpu,
            Map<String, Long> againWrites,
            long esWritesAgain,
            String statuses,
            String againStatuses,
            Path profile) {}

    private final Options options;

    private HostsBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new HostsBenchmark(Options.parse(args)).run();
    }

    private void run() throws Exception {
        List<Measured> results = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (Map.Entry<String, Path> build : options.builds().entrySet()) {
                results.add(measure(build.getKey(), build.getValue(), round));
                HarvestBenchmark.say(results.get(results.size() - 1).toString());
            }
        }
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%,d services over %d hosts (%s in turn), delay 0, one connection per host, %s runs at a time.%n%n",
                options.services(),
                options.hosts(),
                String.join(", ", KINDS),
                options.concurrentRuns() > 0
                        ? Integer.toString(options.concurrentRuns())
                        : "the harvester's default of 2"));
        report.append(
                "| build | round | services | requests | seconds | pages/s | records/s | CPU s per 1,000 | again s | again ÷ first "
                        + "| writes again (record ins/upd, version ins, outbox ins; transactions) | Elasticsearch writes again |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (Measured m : results) {
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %.1f | %.0f | %.0f | %.2f | %.1f | %.2f | %s | %d |%n",
                    m.build(),
                    m.round(),
                    m.services(),
                    m.requests(),
                    m.seconds(),
                    m.requests() / m.seconds(),
                    m.services() / m.seconds(),
                    m.cpu() * 1000 / m.services(),
                    m.againSeconds(),
                    m.againSeconds() / m.seconds(),
                    HarvestBenchmark.writes(m.againWrites()),
                    m.esWritesAgain()));
        }
        report.append("\nRuns as they ended (status × count), profiles:\n\n");
        for (Measured m : results) {
            report.append("- ")
                    .append(m.build())
                    .append(" round ")
                    .append(m.round())
                    .append(": first ")
                    .append(m.statuses())
                    .append("; again ")
                    .append(m.againStatuses())
                    .append("; JFR ")
                    .append(m.profile())
                    .append('\n');
        }
        HarvestBenchmark.writeReport(options.state(), report.toString());
    }

    private Measured measure(String build, Path harvesterJar, int round) throws Exception {
        Path state = options.state().resolve(build + "-" + round).toAbsolutePath();
        HarvestBenchmark.deleteRecursively(state);
        Path mappings = Files.createDirectories(state.resolve("mappings"));
        List<DemoAgency> agencies = agencies(mappings);
        Path profile = state.resolve("harvester.jfr");
        Path recordings =
                Files.createDirectories(state.resolve("jfr")); // each JVM names its own file there, by its pid
        List<String> jvm =
                List.of("-Xms1g", "-Xmx1g", "-XX:StartFlightRecording=settings=profile,filename=" + recordings);
        Map<String, String> harvester = new HashMap<>(
                Map.of("onewindow.mapping-dir", mappings.toString(), "onewindow.harvest.schedules-enabled", "false"));
        if (options.concurrentRuns()
                > 0) { // builds from before issue 12 know no such setting (and refuse to start with it): 2
            harvester.put("onewindow.harvest.concurrent-runs", Integer.toString(options.concurrentRuns()));
        }
        LocalStack.Settings settings = new LocalStack.Settings(
                state.resolve("stack"),
                options.elasticsearchZip(),
                options.pluginZip(),
                harvesterJar,
                options.apiJar(),
                OPERATOR_KEY,
                false,
                LocalStack.Ports.random(),
                new LocalStack.Profile("2g", jvm, agencies, harvester, Map.of()));
        HarvestBenchmark.say(build + ", round " + round + ": a fresh stack with " + agencies.size()
                + " agency hosts and " + harvesterJar);
        long pid;
        Measured measured;
        try (LocalStack stack = LocalStack.start(settings, HarvestBenchmark::say)) {
            pid = stack.components().get("harvester").pid();
            String elasticsearch = stack.url("elasticsearch").replace("//localhost:", "//127.0.0.1:");
            String jdbc = stack.url("postgresql");
            OperatorClient operator = new OperatorClient(stack.url("harvester"), OPERATOR_KEY);
            int services = agencies.stream().mapToInt(DemoAgency::serviceCount).sum();

            double cpu0 = HarvestBenchmark.cpuSeconds(pid);
            long t0 = System.nanoTime();
            List<OperatorClient.RunResult> first = operator.harvestAllAtOnce(
                    id -> id.startsWith("hosts-"), Duration.ofHours(1), HarvestBenchmark::say);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = HarvestBenchmark.cpuSeconds(pid) - cpu0;
            long requests = requests(stack.url("harvester"), first);
            HarvestBenchmark.awaitIndexed(elasticsearch, services);

            Map<String, Long> before = HarvestBenchmark.tableWrites(jdbc);
            long esBefore = HarvestBenchmark.indexingTotal(elasticsearch);
            cpu0 = HarvestBenchmark.cpuSeconds(pid);
            t0 = System.nanoTime();
            List<OperatorClient.RunResult> again = operator.harvestAllAtOnce(
                    id -> id.startsWith("hosts-"), Duration.ofHours(1), HarvestBenchmark::say);
            double againSeconds = (System.nanoTime() - t0) / 1e9;
            double againCpu = HarvestBenchmark.cpuSeconds(pid) - cpu0;
            long againRequests = requests(stack.url("harvester"), again);
            Map<String, Long> after = HarvestBenchmark.tableWrites(jdbc);
            Map<String, Long> writes = new LinkedHashMap<>();
            after.forEach((counter, value) -> writes.put(counter, value - before.getOrDefault(counter, 0L)));
            measured = new Measured(
                    build,
                    round,
                    services,
                    requests,
                    seconds,
                    cpu,
                    againSeconds,
                    againRequests,
                    againCpu,
                    writes,
                    HarvestBenchmark.indexingTotal(elasticsearch) - esBefore,
                    statuses(first),
                    statuses(again),
                    profile);
        }
        try (Stream<Path> written = Files.list(recordings)) {
            for (Path recording : written.filter(
                            path -> path.getFileName().toString().contains("pid-" + pid + "-"))
                    .toList()) {
                Files.move(recording, profile);
            }
        }
        return measured;
    }

    /** The sources and their sites: one host each, the kinds in turn, the services shared out. */
    private List<DemoAgency> agencies(Path mappings) throws IOException {
        List<DemoAgency> agencies = new ArrayList<>();
        int each = options.services() / options.hosts();
        for (int host = 0; host < options.hosts(); host++) {
            String kind = KINDS.get(host % KINDS.size());
            String sourceId = String.format(Locale.ROOT, "hosts-%s-%02d", kind, host);
            int count = each + (host < options.services() % options.hosts() ? 1 : 0);
            List<DemoService> services = List.copyOf(new GeneratedCatalogue(count));
            switch (kind) {
                case "html" -> {
                    agencies.add(new MohwWelfareAgency(sourceId, services));
                    mapping(mappings, "/sources/mohw-welfare.yaml", "mohw-welfare", sourceId);
                }
                case "feed" -> {
                    agencies.add(new JongnoGuAgency(sourceId, services));
                    mapping(mappings, "/sources/jongno-gu-feed.yaml", "jongno-gu-feed", sourceId);
                }
                default -> {
                    agencies.add(new GeneratedAgency(sourceId, count));
                    mapping(mappings, "/" + GeneratedAgency.MAPPING_FILE, GeneratedAgency.SOURCE_ID, sourceId);
                }
            }
        }
        return agencies;
    }

    private static void mapping(Path mappings, String resource, String id, String sourceId) throws IOException {
        try (InputStream in = HostsBenchmark.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("id: " + id + "\n", "id: " + sourceId + "\n");
            Files.writeString(mappings.resolve(sourceId + ".yaml"), text);
        }
    }

    /** Requests the runs made to their sites (their cost). */
    private static long requests(String harvester, List<OperatorClient.RunResult> runs)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long requests = 0;
        for (OperatorClient.RunResult run : runs) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(harvester + "/api/v1/runs/" + run.runId()))
                            .header("Authorization", "Bearer " + OPERATOR_KEY)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            requests +=
                    JSON.readTree(answer.body()).path("cost").path("requests").asLong();
        }
        return requests;
    }

    private static String statuses(List<OperatorClient.RunResult> runs) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        runs.forEach(run -> counted.merge(run.status(), 1, Integer::sum));
        return counted.toString();
    }
}
