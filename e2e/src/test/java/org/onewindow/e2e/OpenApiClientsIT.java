package org.onewindow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onewindow.client.catalogue.api.BrowseApi;
import org.onewindow.client.catalogue.api.ChangesApi;
import org.onewindow.client.catalogue.api.SearchApi;
import org.onewindow.client.catalogue.api.ServicesApi;
import org.onewindow.client.catalogue.model.Change;
import org.onewindow.client.catalogue.model.ChangePage;
import org.onewindow.client.catalogue.model.CpsvCatalogueJsonLd;
import org.onewindow.client.catalogue.model.GovernmentServiceJsonLd;
import org.onewindow.client.catalogue.model.SearchPage;
import org.onewindow.client.catalogue.model.Service;
import org.onewindow.client.harvester.ApiException;
import org.onewindow.client.harvester.api.AgenciesApi;
import org.onewindow.client.harvester.api.KeysApi;
import org.onewindow.client.harvester.api.MappingsApi;
import org.onewindow.client.harvester.api.PushApi;
import org.onewindow.client.harvester.api.RunsApi;
import org.onewindow.client.harvester.api.SourcesApi;
import org.onewindow.client.harvester.model.AgencyHosts;
import org.onewindow.client.harvester.model.DeadLetterView;
import org.onewindow.client.harvester.model.IssuedKey;
import org.onewindow.client.harvester.model.KeyView;
import org.onewindow.client.harvester.model.NewKey;
import org.onewindow.client.harvester.model.NudgedSource;
import org.onewindow.client.harvester.model.PingRequest;
import org.onewindow.client.harvester.model.Report;
import org.onewindow.client.harvester.model.RetryView;
import org.onewindow.client.harvester.model.RunStarted;
import org.onewindow.client.harvester.model.RunView;
import org.onewindow.client.harvester.model.SettingsView;
import org.onewindow.client.harvester.model.SourceDeleted;
import org.onewindow.client.harvester.model.SourceSettings;
import org.onewindow.client.harvester.model.SourceVersionView;
import org.onewindow.runtime.AppProcess;
import org.onewindow.runtime.ElasticsearchNode;
import org.onewindow.runtime.Ports;
import org.onewindow.runtime.PostgresServer;
import org.onewindow.runtime.TestArtifacts;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * What an app team does first with an API: generate a client from its OpenAPI document (openapi-generator, Java,
 * this module's build) and call every endpoint. Here both clients read the real answers of the packaged harvester and
 * catalogue API over one harvested demo agency site, every operation of both documents once at least; an answer
 * that does not fit its documented schema fails to deserialize, or leaves the fields read here empty.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiClientsIT {

    private static final String SOURCE = "mohw-welfare";
    private static final String KEY = "clients-operator-key-of-at-least-32-characters";
    private static final Path REPO = Path.of(System.getProperty("onewindow.repo-root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path WORK = Path.of("target/clients").toAbsolutePath();
    private static final List<DemoService> SERVICES = DemoAgencySite.services();
    private static final Set<String> CALLED = new TreeSet<>();

    private static PostgresServer postgres;
    private static ElasticsearchNode elasticsearch;
    private static DemoAgencySite site;
    private static AppProcess harvester;
    private static AppProcess api;

    private static org.onewindow.client.harvester.ApiClient harvesterClient;
    private static SourcesApi sources;
    private static RunsApi runs;
    private static org.onewindow.client.harvester.api.CatalogueApi records;
    private static MappingsApi mappings;
    private static org.onewindow.client.catalogue.ApiClient catalogueClient;

    @BeforeAll
    static void startTheAppsAndHarvest() throws Exception {
        postgres = PostgresServer.start(null, 0, System.out::println);
        int elasticsearchPort = Ports.free();
        elasticsearch = ElasticsearchNode.start(
                new ElasticsearchNode.Options(
                        TestArtifacts.elasticsearchZip(),
                        TestArtifacts.analysisPluginZip(),
                        WORK.resolve("elasticsearch"),
                        elasticsearchPort,
                        "512m",
                        false),
                System.out::println);
        site = DemoAgencySite.start(0);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        environment.put("QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:" + elasticsearchPort);
        environment.put("ONEWINDOW_OPERATOR_KEY", KEY);
        environment.put("ONEWINDOW_HARVEST_PUBLISH_INTERVAL", "1s");
        environment.put("ONEWINDOW_HARVEST_SCHEDULES_ENABLED", "false");
        environment.put("ONEWINDOW_HARVEST_REVIEW_MIN_CHANGES", "1");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("onewindow.sources." + SOURCE + ".base-url", site.baseUrl());
        properties.put("onewindow.sources." + SOURCE + ".delay-millis", "0");
        properties.put("onewindow.sources." + SOURCE + ".allow-private-networks", "true");
        properties.put(
                "onewindow.sources." + SOURCE + ".review-threshold", "0.01"); // any change after the first run is held
        properties.put("onewindow.dry-run.allow-private-networks", "true");
        harvester = AppProcess.start(
                "harvester",
                REPO.resolve("harvester/target/quarkus-app/quarkus-run.jar"),
                Ports.free(),
                environment,
                properties,
                WORK.resolve("logs/harvester.log"),
                System.out::println);

        String readerPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        postgres.letReaderLogIn(readerPassword);
        Map<String, String> apiEnvironment = new LinkedHashMap<>();
        apiEnvironment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        apiEnvironment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.READER);
        apiEnvironment.put("QUARKUS_DATASOURCE_PASSWORD", readerPassword);
        apiEnvironment.put("QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:" + elasticsearchPort);
        api = AppProcess.start(
                "catalogue-api",
                REPO.resolve("catalogue-api/target/quarkus-app/quarkus-run.jar"),
                Ports.free(),
                apiEnvironment,
                Map.of(),
                WORK.resolve("logs/catalogue-api.log"),
                System.out::println);

        harvesterClient = new org.onewindow.client.harvester.ApiClient();
        harvesterClient.updateBaseUri(harvester.url());
        harvesterClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + KEY));
        sources = new SourcesApi(harvesterClient);
        runs = new RunsApi(harvesterClient);
        records = new org.onewindow.client.harvester.api.CatalogueApi(harvesterClient);
        mappings = new MappingsApi(harvesterClient);
        catalogueClient = new org.onewindow.client.catalogue.ApiClient();
        catalogueClient.updateBaseUri(api.url());

        RunView first = harvestToEnd();
        assertThat(first.getStatus()).isEqualTo("succeeded");
        assertThat(first.getCounts().getAdded()).isEqualTo(SERVICES.size());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new SearchApi(catalogueClient)
                                .searchServices(
                                        null, null, 1, null, null, null, null, null, null, null, null, null, null, null,
                                        null)
                                .getTotal()
                        == SERVICES.size());
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable part : new AutoCloseable[] {api, harvester, site, elasticsearch, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                System.err.println("could not stop " + part + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void theCatalogueClientReadsEveryPublicEndpoint() throws Exception {
        var search = new SearchApi(catalogueClient);
        SearchPage page = call(
                "searchServices",
                () -> search.searchServices(
                        "기초연금", null, 5, null, "ko", null, null, null, null, null, null, null, null, null, null));
        assertThat(page.getTotal()).isPositive();
        assertThat(page.getItems()).isNotEmpty().allSatisfy(item -> {
            assertThat(item.getId()).startsWith(SOURCE + "~");
            assertThat(item.getName()).isNotBlank();
        });
        assertThat(page.getFacets()).containsKey("category");

        String id = page.getItems().get(0).getId();
        var services = new ServicesApi(catalogueClient);
        Service service = call("getService", () -> services.getService(id, null));
        assertThat(service.getName().getKo()).isNotBlank();
        assertThat(service.getCompetentAuthority().getName()).isNotBlank();
        assertThat(service.getChannels()).isNotEmpty();
        assertThat(service.getProvenance().getSource()).isEqualTo(SOURCE);
        HttpResponse<InputStream> jsonLd = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/services/" + id))
                                .header("Accept", "application/ld+json")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        GovernmentServiceJsonLd governmentService =
                catalogueClient.getObjectMapper().readValue(jsonLd.body(), GovernmentServiceJsonLd.class);
        assertThat(governmentService.getIdentifier()).isEqualTo(id);
        assertThat(governmentService.getName()).anySatisfy(name -> {
            assertThat(name.getAtLanguage()).isEqualTo("ko");
            assertThat(name.getAtValue()).isEqualTo(service.getName().getKo());
        });
        assertThat(governmentService.getProvider().getName())
                .isEqualTo(service.getCompetentAuthority().getName());

        var browse = new BrowseApi(catalogueClient);
        assertThat(call("suggest", () -> browse.suggest("기초", null, null, null)).getItems())
                .isNotEmpty();
        assertThat(call("listCategories", () -> browse.listCategories(null, null))
                        .getItems())
                .isNotEmpty()
                .anySatisfy(value -> assertThat(value.getCount()).isPositive());
        assertThat(call("listAgencies", () -> browse.listAgencies(null, null)).getItems())
                .extracting(agency -> agency.getCount())
                .isNotEmpty()
                .allSatisfy(count -> assertThat(count).isPositive());
        assertThat(call("listRegions", () -> browse.listRegions("en", null)).getItems())
                .as("보건복지부's services name no region")
                .isNotNull();

        var changes = new ChangesApi(catalogueClient);
        ChangePage feed = call("listChanges", () -> changes.listChanges(null, 10, null, null));
        assertThat(feed.getItems()).hasSize(10).allSatisfy(change -> {
            assertThat(change.getChange()).isEqualTo(Change.ChangeEnum.ADDED);
            assertThat(change.getName().getKo()).isNotBlank();
        });
        assertThat(feed.getNextCursor()).isNotBlank();

        var catalogue = new org.onewindow.client.catalogue.api.CatalogueApi(catalogueClient);
        CpsvCatalogueJsonLd export = call("exportCatalogue", () -> catalogue.exportCatalogue(null));
        assertThat(export.getAtGraph())
                .hasSizeGreaterThan(SERVICES.size()); // the services, their authority and its place
    }

    @Test
    @Order(2)
    void theHarvesterClientReadsEveryOperatorEndpoint() throws Exception {
        assertThat(call("listSources", () -> sources.listSources()))
                .filteredOn(s -> s.getId().equals(SOURCE))
                .singleElement()
                .satisfies(source -> assertThat(source.getLastRun().getStatus()).isEqualTo("succeeded"));

        DemoService renamed = SERVICES.get(3);
        site.rename(renamed.id(), renamed.name() + " (개정)");
        RunView held = harvestToEnd();
        assertThat(held.getStatus()).isEqualTo("held");
        assertThat(call("listRunChanges", () -> runs.listRunChanges(held.getId())))
                .singleElement()
                .satisfies(change -> assertThat(change.getChange()).isEqualTo("updated"));
        assertThat(call("listRunErrors", () -> runs.listRunErrors(held.getId())))
                .isEmpty();
        var approved = call("approveRun", () -> runs.approveRun(held.getId(), "checked with the agency"));
        assertThat(approved.getStatus()).isEqualTo("succeeded");
        assertThat(approved.getReviewReason()).isEqualTo("checked with the agency");
        assertThat(call("listRecordVersions", () -> records.listRecordVersions(SOURCE + "~" + renamed.id())))
                .extracting(version -> version.getChange())
                .containsExactly("added", "updated");

        site.rename(renamed.id(), renamed.name());
        RunView heldAgain = harvestToEnd();
        assertThat(heldAgain.getStatus()).isEqualTo("held");
        assertThat(call("discardRun", () -> runs.discardRun(heldAgain.getId(), "the site was being rebuilt"))
                        .getStatus())
                .isEqualTo("cancelled");

        site.server().setGlobalFixedDelay(300);
        try {
            RunStarted slow = call("startRun", () -> sources.startRun(SOURCE));
            assertThat(call("cancelRun", () -> runs.cancelRun(slow.getId())).getId())
                    .isEqualTo(slow.getId());
            assertThat(await().atMost(Duration.ofSeconds(60))
                            .until(
                                    () -> call("getRun", () -> runs.getRun(slow.getId())),
                                    run -> !"running".equals(run.getStatus()))
                            .getStatus())
                    .isEqualTo("cancelled");
        } finally {
            site.server().setGlobalFixedDelay(0);
        }

        String mapping = new String(
                        OpenApiClientsIT.class
                                .getResourceAsStream("/sources/" + SOURCE + ".yaml")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("baseUrl: http://localhost:8089", "baseUrl: " + site.baseUrl());
        Report report = call("dryRunMapping", () -> mappings.dryRunMapping(mapping, true, 3, 0));
        assertThat(report.getSourceId()).isEqualTo(SOURCE);
        assertThat(report.getNextOffset()).isEqualTo(3);
        assertThat(report.getDiff().getUnchanged())
                .as("the source as published")
                .isEqualTo(3);
        assertThat(report.getRecords()).hasSize(3).allSatisfy(record -> {
            assertThat(record.getPublishable()).isTrue();
            assertThat(record.getRecord().getName().getKo()).isNotBlank();
        });

        assertThat(call("rebuildIndex", () -> records.rebuildIndex()).getIndexed())
                .isEqualTo(SERVICES.size());
    }

    @Test
    @Order(3)
    void theHarvesterClientReadsADeadLetterAndItsRetry() throws Exception {
        String refused = SOURCE + "~REFUSED-BY-ELASTICSEARCH";
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "")) {
            db.createStatement()
                    .execute("insert into service_record (id, source_id, source_record_id, url, document, content_hash,"
                            + " status, revision, first_seen, last_seen, last_changed) values ('" + refused + "', '"
                            + SOURCE + "',"
                            + " 'REFUSED-BY-ELASTICSEARCH', 'http://example.invalid/', '{\"id\":\"" + refused
                            + "\",\"name\":{\"ko\":\"거절\"},"
                            + "\"popularity\":\"많음\"}', 'x', 'ACTIVE', 1, now(), now(), now())");
            db.createStatement()
                    .execute("insert into publish_outbox (record_id, operation, created_at) values ('" + refused
                            + "', 'INDEX', now())");
        }
        List<DeadLetterView> letters = await().atMost(Duration.ofSeconds(30))
                .until(() -> call("listDeadLetters", () -> records.listDeadLetters()), list -> !list.isEmpty());
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getRecordId()).isEqualTo(refused);
            assertThat(letter.getError()).isNotBlank();
        });
        RetryView retry = call(
                "retryDeadLetter", () -> records.retryDeadLetter(letters.get(0).getId()));
        assertThat(retry.getPublished()).isFalse();
        assertThat(retry.getDeadLetter().getRecordId()).isEqualTo(refused);
    }

    @Test
    @Order(3)
    void theHarvesterClientKeepsASourceAsData() throws Exception {
        String id = "client-made";
        String mapping = new String(
                        OpenApiClientsIT.class
                                .getResourceAsStream("/sources/" + SOURCE + ".yaml")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("id: " + SOURCE, "id: " + id)
                .replace("baseUrl: http://localhost:8089", "baseUrl: " + site.baseUrl());

        assertThat(call("createSource", () -> sources.createSource(mapping, "onboarded through the client"))
                        .getVersion())
                .isEqualTo(1);
        String later = mapping.replace("schedule: \"0 0 4 * * ?\"", "schedule: \"0 30 4 * * ?\"");
        assertThat(call("replaceSourceMapping", () -> sources.replaceSourceMapping(id, later, "a later hour"))
                        .getVersion())
                .isEqualTo(2);
        assertThat(call("getSource", () -> sources.getSource(id)).getSchedule()).isEqualTo("0 30 4 * * ?");
        assertThat(call("disableSource", () -> sources.disableSource(id, "paused"))
                        .getEnabled())
                .isFalse();
        assertThat(call("enableSource", () -> sources.enableSource(id, "resumed"))
                        .getEnabled())
                .isTrue();
        assertThat(call("listSourceRuns", () -> sources.listSourceRuns(SOURCE, 5)))
                .isNotEmpty()
                .extracting(RunView::getSourceId)
                .containsOnly(SOURCE);
        SettingsView settings = call(
                "replaceSourceSettings",
                () -> sources.replaceSourceSettings(
                        id,
                        new SourceSettings().delayMillis(0L).allowPrivateNetworks(true),
                        "its own site, on loopback"));
        assertThat(settings.getFrom()).containsEntry("delayMillis", "api").containsEntry("baseUrl", "mapping");
        assertThat(call("getSourceSettings", () -> sources.getSourceSettings(id))
                        .getEffective()
                        .getAllowPrivateNetworks())
                .isTrue();
        assertThat(call("listSourceVersions", () -> sources.listSourceVersions(id)))
                .extracting(SourceVersionView::getReason)
                .containsExactly(
                        "onboarded through the client",
                        "a later hour",
                        "paused",
                        "resumed",
                        "its own site, on loopback");
        SourceDeleted deleted = call("deleteSource", () -> sources.deleteSource(id, "a trial"));
        assertThat(deleted.getWithdrawn()).isZero();
        assertThat(deleted.getVersion()).isEqualTo(6);
    }

    @Test
    @Order(4)
    void theHarvesterClientIssuesAnAgencyKeyThatActsForItsAgencyOnly() throws Exception {
        KeysApi keys = new KeysApi(harvesterClient);
        AgenciesApi agencies = new AgenciesApi(harvesterClient);
        String agency = "1352000";
        assertThat(call(
                                "replaceAgencyHosts",
                                () -> agencies.replaceAgencyHosts(
                                        agency, new AgencyHosts().hosts(List.of("127.0.0.1")), "its board"))
                        .getHosts())
                .containsExactly("127.0.0.1");
        IssuedKey issued = call(
                "issueKey",
                () -> keys.issueKey(new NewKey()
                        .name("client-made key")
                        .role(NewKey.RoleEnum.AGENCY)
                        .agencyCode(agency)));
        assertThat(call("listKeys", () -> keys.listKeys()))
                .extracting(KeyView::getName)
                .contains("client-made key");

        var asAgency = new org.onewindow.client.harvester.ApiClient();
        asAgency.updateBaseUri(harvester.url());
        asAgency.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + issued.getKey()));
        assertThat(call("getAgency", () -> new AgenciesApi(asAgency).getAgency(agency))
                        .getHosts())
                .containsExactly("127.0.0.1");
        assertThat(new SourcesApi(asAgency).listSources())
                .extracting(source -> source.getAgency().getCode())
                .containsOnly(agency);

        assertThat(call("ping", () -> new PushApi(asAgency).ping(new PingRequest().sourceId(SOURCE)))
                        .getNudged())
                .extracting(NudgedSource::getSourceId)
                .containsExactly(SOURCE);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> sources.listSources().stream()
                        .filter(source -> source.getId().equals(SOURCE))
                        .allMatch(
                                source -> !"running".equals(source.getLastRun().getStatus())));
        assertThat(call("revokeKey", () -> keys.revokeKey(issued.getAbout().getId()))
                        .getRevokedAt())
                .isNotNull();
        assertThatThrownBy(() -> new AgenciesApi(asAgency).getAgency(agency))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).getCode())
                .isEqualTo(401);
    }

    @Test
    @Order(5)
    void everyOperationOfBothDocumentsWasCalled() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String app : List.of("catalogue-api", "harvester")) {
            new YAMLMapper()
                    .readTree(REPO.resolve(app + "/target/openapi/openapi.yaml").toFile())
                    .path("paths")
                    .forEach(path -> path.forEach(operation ->
                            documented.add(operation.path("operationId").asText())));
        }
        assertThat(CALLED).isEqualTo(documented);
    }

    private static RunView harvestToEnd() throws Exception {
        RunStarted started = call("startRun", () -> sources.startRun(SOURCE));
        return await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> call("getRun", () -> runs.getRun(started.getId())),
                        run -> !"running".equals(run.getStatus()));
    }

    private static <T> T call(String operationId, Callable<T> call) throws Exception {
        T answer = call.call();
        CALLED.add(operationId);
        return answer;
    }
}
