package org.onewindow.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL and a real Elasticsearch node (our plugin installed, empty data) for one module's tests,
 * with the Quarkus settings that point an app at them.
 */
public final class TestBackends implements AutoCloseable {

    private final PostgresServer postgres;
    private final ElasticsearchNode elasticsearch;

    private TestBackends(PostgresServer postgres, ElasticsearchNode elasticsearch) {
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
    }

    public static TestBackends start(Path workDir) {
        PostgresServer postgres = PostgresServer.start(null, 0, System.out::println);
        try {
            ElasticsearchNode elasticsearch = ElasticsearchNode.start(
                    new ElasticsearchNode.Options(
                            TestArtifacts.elasticsearchZip(),
                            TestArtifacts.analysisPluginZip(),
                            workDir,
                            0,
                            "512m",
                            false),
                    System.out::println);
            return new TestBackends(postgres, elasticsearch);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public ElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** quarkus.datasource.* and quarkus.elasticsearch.hosts for these backends. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(),
                "quarkus.datasource.username",
                PostgresServer.USER,
                "quarkus.elasticsearch.hosts",
                "127.0.0.1:" + elasticsearch.httpPort());
    }

    @Override
    public void close() {
        try {
            elasticsearch.close();
        } finally {
            postgres.close();
        }
    }
}
