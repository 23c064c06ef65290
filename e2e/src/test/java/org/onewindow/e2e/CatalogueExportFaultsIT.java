package org.onewindow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.bench.GeneratedAgency;
import org.onewindow.runtime.AppProcess;
import org.onewindow.runtime.ElasticsearchNode;
import org.onewindow.runtime.OperatorClient;
import org.onewindow.runtime.Ports;
import org.onewindow.runtime.PostgresServer;
import org.onewindow.runtime.TestArtifacts;
import org.onewindow.runtime.demo.DemoAgencyWeb;

/**
 * The catalogue export on a small heap: the packaged catalogue API with {@code -Xmx128m} over 20,000 generated
 * services (the benchmark's {@link GeneratedAgency}, harvested through its own mapping file like any source) answers
 * ten concurrent requests for {@code /api/v1/catalogue.jsonld}, each with the complete document, and stays up. Runs in
 * the {@code faults} profile ({@code ./mvnw verify -Pfaults}).
 */
class CatalogueExportFaultsIT {

    private static final int SERVICES = 20_000;
    private static final int CONCURRENT_REQUESTS = 10;
    private static final List<String> SMALL_HEAP =
            List.of("-Xms64m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String KEY = "catalogue-export-faults-operator-key";
    private static final String PUBLIC_BASE_URL = "https://catalogue.example.go.kr";
    private static final Path WORK = Path.of("target/catalogue-export-faults").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PostgresServer postgres;
    private static ElasticsearchNode elasticsearch;
    private static DemoAgencyWeb agency;
    private static AppProcess harvester;
    private static AppProcess api;

    @BeforeAll
    static void harvestTheGeneratedCatalogueAndStartTheApiOnASmallHeap() throws IOException {
        postgres = PostgresServer.start(null, 0, System.out::println);
        elasticsearch = ElasticsearchNode.start(
                new ElasticsearchNode.Options(
                        TestArtifacts.elasticsearchZip(),
                        TestArtifacts.analysisPluginZip(),
                        WORK.resolve("elasticsearch"),
                        Ports.free(),
                        "512m",
                        false),
                System.out::println);
        agency = DemoAgencyWeb.start(List.of(new GeneratedAgency(SERVICES)), i -> 0);
        Path mappings = Files.createDirectories(WORK.resolve("mappings"));
        try (InputStream mapping = GeneratedAgency.class.getResourceAsStream("/" + GeneratedAgency.MAPPING_FILE)) {
            Files.write(mappings.resolve(GeneratedAgency.SOURCE_ID + ".yaml"), mapping.readAllBytes());
        }
        Path repo = Path.of(System.getProperty("onewindow.repo-root", ".."));
        Map<String, String> connections = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME",
                PostgresServer.USER,
                "QUARKUS_ELASTICSEARCH_HOSTS",
                "127.0.0.1:" + elasticsearch.httpPort());

        Map<String, String> harvesterEnvironment = new LinkedHashMap<>(connections);
        harvesterEnvironment.put("ONEWINDOW_OPERATOR_KEY", KEY);
        harvesterEnvironment.put("ONEWINDOW_HARVEST_PUBLISH_INTERVAL", "1s");
        harvesterEnvironment.put("ONEWINDOW_HARVEST_SCHEDULES_ENABLED", "false");
        String source = "onewindow.sources." + GeneratedAgency.SOURCE_ID;
        Map<String, String> harvesterProperties = Map.of(
                "onewindow.mapping-dir",
                mappings.toString(),
                source + ".base-url",
                agency.baseUrl(GeneratedAgency.SOURCE_ID),
                source + ".delay-millis",
                "0",
                source + ".allow-private-networks",
                "true");
        harvester = AppProcess.start(
                "harvester",
                repo.resolve("harvester/target/quarkus-app/quarkus-run.jar"),
                Ports.free(),
                harvesterEnvironment,
                harvesterProperties,
                WORK.resolve("logs/harvester.log"),
                System.out::println);
        OperatorClient.RunResult run = new OperatorClient(harvester.url(), KEY)
                .harvestSource(GeneratedAgency.SOURCE_ID, Duration.ofMinutes(10), System.out::println);
        assertThat(run.status())
                .as("harvest of the generated catalogue: " + run.counts())
                .isEqualTo("succeeded");

        Map<String, String> apiEnvironment = new LinkedHashMap<>(connections);
        apiEnvironment.put("ONEWINDOW_API_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        api = AppProcess.start(
                "catalogue-api",
                repo.resolve("catalogue-api/target/quarkus-app/quarkus-run.jar"),
                Ports.free(),
                SMALL_HEAP,
                apiEnvironment,
                Map.of(),
                WORK.resolve("logs/catalogue-api.log"),
                System.out::println);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> JSON.readTree(get("/api/v1/services?size=1").body())
                                .path("total")
                                .asLong()
                        == SERVICES);
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable part : new AutoCloseable[] {api, harvester, agency, elasticsearch, postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("could not stop " + part + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void tenConcurrentRequestsForTheWholeCatalogueEachGetTheCompleteDocumentFromAnApiWithA128MegabyteHeap()
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        Instant start = Instant.now();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                answers.add(CompletableFuture.supplyAsync(CatalogueExportFaultsIT::catalogue, clients));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } finally {
            clients.shutdown();
        }
        Duration took = Duration.between(start, Instant.now());
        List<Answer> results = answers.stream().map(CompletableFuture::join).toList();
        results.forEach(answer -> System.out.println("catalogue export: " + answer));
        System.out.printf(
                "catalogue export: %d concurrent requests answered in %.1f s, the API's heap -Xmx128m%n",
                CONCURRENT_REQUESTS, took.toMillis() / 1000.0);

        assertThat(results).as("every request of the burst").allSatisfy(answer -> {
            assertThat(answer.outcome()).isEqualTo("200");
            assertThat(answer.services()).isEqualTo(SERVICES);
            assertThat(answer.firstId()).startsWith(PUBLIC_BASE_URL + "/api/v1/services/");
        });
        assertThat(results.stream().map(Answer::etag).distinct())
                .as("one version, one ETag")
                .hasSize(1);
        assertThat(results.stream().map(Answer::bytes).distinct())
                .as("one version, one document")
                .hasSize(1);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(api.managementUrl() + "/q/health/ready"))
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("the API is still up")
                .isEqualTo(200);

        HttpResponse<Void> revalidated = HTTP.send(
                HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/catalogue.jsonld"))
                        .header("If-None-Match", results.get(0).etag())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(revalidated.statusCode())
                .as("revalidation of the unchanged catalogue")
                .isEqualTo(304);
    }

    /** How one request ended: status (or the failure), services in the document, its size, ETag and first IRI. */
    record Answer(String outcome, int services, long bytes, String etag, String firstId) {}

    /** Reads the document as it arrives (never whole) and counts its services. */
    private static Answer catalogue() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/catalogue.jsonld"))
                .timeout(Duration.ofMinutes(2))
                .build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (CountingStream body = new CountingStream(response.body())) {
                if (response.statusCode() != 200) {
                    return new Answer(
                            Integer.toString(response.statusCode()), 0, body.readAllBytes().length, null, null);
                }
                int services = 0;
                String firstId = null;
                try (JsonParser parser = new JsonFactory(JSON).createParser(body)) {
                    while (parser.nextToken() != null) {
                        if (parser.currentToken() == JsonToken.FIELD_NAME
                                && "@graph".equals(parser.currentName())
                                && parser.getParsingContext().getParent().inRoot()) {
                            parser.nextToken();
                            while (parser.nextToken() == JsonToken.START_OBJECT) {
                                JsonNode node = parser.readValueAsTree();
                                if ("cpsv:PublicService"
                                        .equals(node.path("@type").asText())) {
                                    services++;
                                    firstId = firstId == null ? node.path("@id").asText() : firstId;
                                }
                            }
                        }
                    }
                }
                return new Answer(
                        "200",
                        services,
                        body.count,
                        response.headers().firstValue("ETag").orElse(null),
                        firstId);
            }
        } catch (IOException e) {
            return new Answer(e.getClass().getSimpleName() + ": " + e.getMessage(), 0, 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer("interrupted", 0, 0, null, null);
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(api.url() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
