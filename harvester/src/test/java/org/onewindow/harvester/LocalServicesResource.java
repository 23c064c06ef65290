package org.onewindow.harvester;

import java.nio.file.Path;
import java.util.Map;

import org.onewindow.runtime.ElasticsearchNode;
import org.onewindow.runtime.PostgresServer;
import org.onewindow.runtime.TestArtifacts;
import org.onewindow.runtime.demo.DemoAgencySite;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL and Elasticsearch for the module's tests, started once and shared, plus the demo agency site
 * (WireMock) the harvester reads over HTTP. Tests inject faults into the site through {@link #site()}.
 */
public class LocalServicesResource implements QuarkusTestResourceLifecycleManager {

    public static final String OPERATOR_KEY = "test-operator-key";

    private static PostgresServer postgres;
    private static ElasticsearchNode elasticsearch;
    private static DemoAgencySite site;

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.start(null, 0, System.out::println);
        elasticsearch = ElasticsearchNode.start(new ElasticsearchNode.Options(TestArtifacts.elasticsearchZip(),
                TestArtifacts.analysisPluginZip(), Path.of("target/test-services"), 0, "512m", false), System.out::println);
        site = DemoAgencySite.start(0);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.elasticsearch.hosts", "127.0.0.1:" + elasticsearch.httpPort(),
                "onewindow.operator.key", OPERATOR_KEY,
                "onewindow.sources.mohw-welfare.base-url", site.baseUrl(),
                "onewindow.sources.mohw-welfare.delay-millis", "0",
                "onewindow.harvest.fetch-timeout", "2s");
    }

    public static DemoAgencySite site() {
        return site;
    }

    public static String elasticsearchUrl() {
        return elasticsearch.httpUrl();
    }

    @Override
    public void stop() {
        if (site != null) {
            site.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
