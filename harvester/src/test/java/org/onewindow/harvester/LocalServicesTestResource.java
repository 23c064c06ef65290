package org.onewindow.harvester;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.onewindow.runtime.TestBackends;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoAgencyWeb;
import org.onewindow.runtime.demo.Gov24ApiAgency;
import org.onewindow.runtime.demo.SeoulSitemapAgency;

/**
 * Real PostgreSQL and Elasticsearch for the module's tests, started once and shared, plus the demo agency site
 * (WireMock) the harvester reads over HTTP. Tests inject faults into the site through {@link #site()}.
 */
public class LocalServicesTestResource implements QuarkusTestResourceLifecycleManager {

    /** A source on the 보건복지부 site whose records must be done within one second, and never validate. */
    public static final String SLOW_SOURCE = "mohw-welfare-slow";
    /** A source SourcesAsDataTest creates through the API, on the agency site double. */
    public static final String API_MADE_SOURCE = "api-made";
    /** A source SourcesAsDataTest creates, harvests and deletes through the API. */
    public static final String API_DELETED_SOURCE = "api-deleted";

    /** PingTest's source: the 보건복지부 site under an agency of its own, so its pings reach no other source. */
    public static final String PING_SOURCE = "ping-board";

    public static final String OPERATOR_KEY = "test-operator-key-of-at-least-32-characters";

    private static TestBackends backends;
    private static DemoAgencySite site;
    private static DemoAgencyWeb cityPortal;

    @Override
    public Map<String, String> start() {
        backends = TestBackends.start(Path.of("target/test-services"));
        site = DemoAgencySite.start(0);
        cityPortal = DemoAgencyWeb.start(List.of(new SeoulSitemapAgency(), new Gov24ApiAgency()), i -> 0);
        Map<String, String> config = new HashMap<>(backends.quarkusConfig());
        config.put("onewindow.sources.seoul-sitemap.base-url", cityPortal.baseUrl(SeoulSitemapAgency.SOURCE_ID));
        config.put("onewindow.sources.seoul-sitemap.delay-millis", "0");
        config.put("onewindow.operator.key", OPERATOR_KEY);
        config.put("onewindow.sources.mohw-welfare.base-url", site.baseUrl());
        config.put("onewindow.sources.mohw-welfare.delay-millis", "0");
        config.put("onewindow.sources.gov24-api.base-url", gov24Api().baseUrl());
        config.put("onewindow.sources.gov24-api.delay-millis", "0");
        config.put("onewindow.sources.gov24-api.secrets", Gov24ApiAgency.KEY_ENV);
        config.put("onewindow.dry-run.allow-private-networks", "true");
        config.put("onewindow.signals.watch-interval", "2s");
        config.put("onewindow.signals.state-refresh", "1s");
        config.put("onewindow.harvest.fetch-timeout", "2s");
        config.put("onewindow.harvest.fetch-time-cap", "3s");
        config.put("onewindow.harvest.retries", "1");
        config.put("onewindow.harvest.backoff", "20ms");
        config.put("onewindow.harvest.max-retry-after", "3s");
        config.put("onewindow.harvest.max-body-bytes", "1048576");
        config.put("onewindow.harvest.publish-interval", "1s");
        config.put(
                "onewindow.harvest.run-timeout", "3h"); // not the default, so that ApplyTimeoutTest sees which is used
        config.put("onewindow.instance-id", "test-harvester");
        config.put("onewindow.harvest.robots-cache", "1s");
        config.put("onewindow.mapping-dir", mappingDirectory().toString());
        config.put("onewindow.sources." + SLOW_SOURCE + ".base-url", site.baseUrl());
        config.put("onewindow.sources." + SLOW_SOURCE + ".delay-millis", "0");
        config.put("onewindow.sources." + SLOW_SOURCE + ".allow-private-networks", "true");
        config.put("onewindow.sources." + SLOW_SOURCE + ".record-timeout", "1s");
        // The agency site doubles run on loopback: those sources are allowed it.
        for (String source : List.of(
                "ids-a",
                "ids-a-b",
                "routes-one")) { // RecordIdentityTest's and HarvestRoutesTest's, stubbed on the same site
            config.put("onewindow.sources." + source + ".base-url", site.baseUrl());
            config.put("onewindow.sources." + source + ".delay-millis", "0");
        }
        for (String source : List.of(
                "mohw-welfare",
                "seoul-sitemap",
                "gov24-api",
                "ids-a",
                "ids-a-b",
                "routes-one",
                API_MADE_SOURCE,
                API_DELETED_SOURCE,
                PING_SOURCE)) {
            config.put("onewindow.sources." + source + ".allow-private-networks", "true");
        }
        return config;
    }

    /**
     * The mapping directory: the files of src/test/resources/mapping-dir, plus {@value #SLOW_SOURCE}, a second source
     * on the 보건복지부 site with a per-record deadline of one second, whose records never validate (no name), so its
     * runs publish nothing other tests would count.
     */
    private static Path mappingDirectory() {
        try {
            Path directory = Files.createDirectories(Path.of("target/test-mapping-dir"));
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/mapping-dir"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (InputStream bundled =
                    LocalServicesTestResource.class.getResourceAsStream("/sources/mohw-welfare.yaml")) {
                String mapping = new String(bundled.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("id: mohw-welfare", "id: " + SLOW_SOURCE)
                        .replace("  name: title", "  name: no-such-field");
                Files.writeString(directory.resolve(SLOW_SOURCE + ".yaml"), mapping);
            }
            return directory.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DemoAgencySite site() {
        return site;
    }

    /** 서울특별시's sitemap-driven portal. */
    public static DemoAgencyWeb.Site cityPortal() {
        return cityPortal.site(SeoulSitemapAgency.SOURCE_ID);
    }

    /** 행정안전부's 정부24 JSON API, which answers only to its service key. */
    public static DemoAgencyWeb.Site gov24Api() {
        return cityPortal.site(Gov24ApiAgency.SOURCE_ID);
    }

    @Override
    public void stop() {
        if (site != null) {
            site.close();
        }
        if (cityPortal != null) {
            cityPortal.close();
        }
        if (backends != null) {
            backends.close();
        }
    }
}
