package org.onewindow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.runtime.LocalStack;
import org.onewindow.runtime.OperatorClient;
import org.onewindow.runtime.Ports;
import org.onewindow.runtime.TestArtifacts;
import org.onewindow.runtime.demo.DemoAgency;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * The packaged harvester and catalogue-api as processes, started by the same launcher as {@code ./onewindow up}:
 * harvest the demo agency sites (a ministry board, an open API, a district feed, JSON-LD pages) over HTTP, then
 * find their services through the public search API.
 */
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static List<OperatorClient.RunResult> runs;

    @BeforeAll
    static void startTheStackAndHarvest() {
        Path repo = Path.of(System.getProperty("onewindow.repo-root", ".."));
        String key = "e2e-operator-key-of-at-least-32-characters";
        stack = LocalStack.start(
                new LocalStack.Settings(
                        Path.of("target/e2e-stack"),
                        TestArtifacts.elasticsearchZip(),
                        TestArtifacts.analysisPluginZip(),
                        repo.resolve("harvester/target/quarkus-app/quarkus-run.jar"),
                        repo.resolve("catalogue-api/target/quarkus-app/quarkus-run.jar"),
                        key,
                        false,
                        LocalStack.Ports.random()),
                System.out::println);
        runs = new OperatorClient(stack.url("harvester"), key)
                .harvestAllSources(Duration.ofMinutes(5), System.out::println);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            List<Integer> ports = new ArrayList<>();
            stack.components()
                    .values()
                    .forEach(c ->
                            ports.add(URI.create(c.url().replace("jdbc:", "")).getPort()));
            stack.close();
            assertThat(ports).as("every port is free after the stack stops").noneMatch(Ports::isListening);
        }
    }

    @Test
    void reHarvestingEverySourceRightAfterChangesNothingAndMovesNoDocumentVersion() throws Exception {
        Map<String, Long> versionsBefore = indexedVersions();
        String key = "e2e-operator-key-of-at-least-32-characters";

        List<OperatorClient.RunResult> again = new OperatorClient(stack.url("harvester"), key)
                .harvestAllSources(Duration.ofMinutes(5), System.out::println);

        assertThat(again).hasSize(runs.size()).allSatisfy(run -> {
            assertThat(run.status()).as(run.sourceId()).isEqualTo("succeeded");
            assertThat(run.counts().path("added").asInt()
                            + run.counts().path("updated").asInt()
                            + run.counts().path("withdrawn").asInt())
                    .as(run.sourceId())
                    .isZero();
            int first = runs.stream()
                    .filter(r -> r.sourceId().equals(run.sourceId()))
                    .findFirst()
                    .orElseThrow()
                    .counts()
                    .path("added")
                    .asInt();
            assertThat(run.counts().path("unchanged").asInt())
                    .as(run.sourceId())
                    .isEqualTo(first);
        });
        assertThat(indexedVersions())
                .as("no Elasticsearch document was written again")
                .isEqualTo(versionsBefore);
    }

    @Test
    void theDemoSiteIsHarvestedCompletely() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        DemoAgency.all().forEach(agency -> expected.put(agency.sourceId(), agency.serviceCount()));
        assertThat(expected)
                .containsEntry("mohw-welfare", 64)
                .containsEntry("gov24-api", 60)
                .containsEntry("jongno-gu-feed", 50)
                .containsEntry("nhis-jsonld", 50);
        assertThat(runs)
                .extracting(OperatorClient.RunResult::sourceId)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).as(run.sourceId()).isEqualTo("succeeded");
            assertThat(run.counts().path("added").asInt())
                    .as(run.sourceId())
                    .isGreaterThanOrEqualTo(1)
                    .isEqualTo(expected.get(run.sourceId()));
            assertThat(run.counts().path("errored").asInt()).as(run.sourceId()).isZero();
        });
        int added = runs.stream()
                .mapToInt(run -> run.counts().path("added").asInt())
                .sum();
        assertThat(added)
                .isEqualTo(
                        expected.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(get("/api/v1/services?size=1").path("total").asLong()).isEqualTo(added);
    }

    @Test
    void pagesThatDeclareNoCharsetAtAllComeOutAsCorrectKorean() throws Exception {
        List<DemoService> ministry = DemoAgencySite.services();
        for (int i = 4; i < ministry.size(); i += 5) { // the demo board's pages without header or meta charset
            DemoService service = ministry.get(i);
            JsonNode detail = get("/api/v1/services/mohw-welfare~" + service.id());
            assertThat(detail.path("name").path("ko").asText()).isEqualTo(service.name());
            assertThat(detail.toString()).doesNotContain("\uFFFD");
            JsonNode found =
                    get("/api/v1/services?q=" + URLEncoder.encode(service.name(), StandardCharsets.UTF_8) + "&size=5");
            List<String> ids = new ArrayList<>();
            found.path("items").forEach(item -> ids.add(item.path("id").asText()));
            assertThat(ids).contains("mohw-welfare~" + service.id());
        }
    }

    @Test
    void eachDemoAgencyIsItsOwnHost() {
        List<String> demoSites = stack.components().keySet().stream()
                .filter(name -> name.startsWith("demo-"))
                .toList();
        assertThat(demoSites)
                .containsExactlyElementsOf(DemoAgency.all().stream()
                        .map(a -> LocalStack.demoComponent(a.sourceId()))
                        .toList());
        assertThat(demoSites.stream().map(stack::url).distinct()).hasSize(demoSites.size());
    }

    @Test
    void servicesOfTheOtherKindsOfSourceAreFoundToo() throws Exception {
        JsonNode screening =
                get("/api/v1/services?q=" + URLEncoder.encode("건강검진", StandardCharsets.UTF_8) + "&size=50");
        List<String> ids = new ArrayList<>();
        screening.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).anyMatch(id -> id.startsWith("nhis-jsonld~"));

        JsonNode api = get("/api/v1/services/gov24-api~149000000190");
        assertThat(api.path("competentAuthority").path("name").asText()).isEqualTo("고용노동부");
        assertThat(api.path("url").asText()).startsWith("https://www.gov.kr/");

        JsonNode feed = get("/api/v1/services?q=" + URLEncoder.encode("종로구", StandardCharsets.UTF_8) + "&size=50");
        List<String> feedIds = new ArrayList<>();
        feed.path("items").forEach(item -> feedIds.add(item.path("id").asText()));
        assertThat(feedIds).anyMatch(id -> id.startsWith("jongno-gu-feed~"));
    }

    @Test
    void aHarvestedServiceIsFoundThroughThePublicSearchApi() throws Exception {
        JsonNode result = get("/api/v1/services?q=" + URLEncoder.encode("청년", StandardCharsets.UTF_8) + "&size=100");
        List<String> names = new ArrayList<>();
        result.path("items").forEach(item -> names.add(item.path("name").asText()));
        assertThat(names).contains("청년수당 (구직활동 지원금)", "청년내일저축계좌");
        JsonNode first = null;
        for (JsonNode item : result.path("items")) {
            if (first == null && item.path("id").asText().startsWith("mohw-welfare~")) {
                first = item;
            }
        }
        assertThat(first).as("a 보건복지부 board service among the hits").isNotNull();
        assertThat(first.path("agency").asText()).isEqualTo("보건복지부");

        JsonNode detail = get("/api/v1/services/" + first.path("id").asText());
        assertThat(detail.path("name").path("ko").asText())
                .isEqualTo(first.path("name").asText());
        assertThat(detail.path("url").asText()).startsWith(stack.url("demo-mohw-welfare"));
    }

    @Test
    void koreanTypedStraightIntoTheUrlWorksOnThePackagedApp() throws Exception {
        int port = URI.create(stack.url("catalogue-api")).getPort();
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write("GET /api/v1/services?q=구직활동 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("청년수당 (구직활동 지원금)");
        }
    }

    private static Map<String, Long> indexedVersions() throws Exception {
        HttpRequest search = HttpRequest.newBuilder(
                        URI.create(stack.url("elasticsearch") + "/onewindow-services/_search"))
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
        assertThat(versions).isNotEmpty();
        return versions;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.url("catalogue-api") + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
