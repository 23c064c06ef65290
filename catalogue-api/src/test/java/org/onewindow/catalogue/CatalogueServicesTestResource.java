package org.onewindow.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.runtime.PostgresServer;
import org.onewindow.runtime.TestBackends;

/**
 * A real Elasticsearch node with the catalogue index (our analyzers) filled with fixture services, and a real
 * PostgreSQL, shared by the module's tests.
 */
public class CatalogueServicesTestResource implements QuarkusTestResourceLifecycleManager {

    /** The demo catalogue: every service of the six demo agency sites, as the harvester maps them. */
    static final int FIXTURE_SERVICES = 314;

    private static final String READER_PASSWORD = "reader-" + System.nanoTime();

    private static TestBackends backends;

    @Override
    public Map<String, String> start() {
        backends = TestBackends.start(Path.of("target/test-services"));
        loadFixtures();
        loadHistory();
        // The API connects as the read-only role the migrations created, as it does in production (ReaderRoleTest).
        backends.postgres().letReaderLogIn(READER_PASSWORD);
        Map<String, String> config = new HashMap<>(backends.quarkusConfig());
        config.put("quarkus.datasource.username", PostgresServer.READER);
        config.put("quarkus.datasource.password", READER_PASSWORD);
        return config;
    }

    private static void loadFixtures() {
        call("PUT", "/" + ServiceIndex.INDEX, ServiceIndex.definitionJson());
        call(
                "POST",
                "/_aliases",
                "{\"actions\":[{\"add\":{\"index\":\"" + ServiceIndex.INDEX + "\",\"alias\":\"" + ServiceIndex.ALIAS
                        + "\"}}]}");
        StringBuilder bulk = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in =
                CatalogueServicesTestResource.class.getResourceAsStream("/fixtures/demo-catalogue/services.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String id = json.readTree(line).path("id").asText();
                bulk.append("{\"index\":{\"_index\":\"")
                        .append(ServiceIndex.ALIAS)
                        .append("\",\"_id\":\"")
                        .append(id)
                        .append("\"}}\n")
                        .append(ServiceIndex.indexDocument(json, line))
                        .append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        call("POST", "/_bulk?refresh=true", bulk.toString());
    }

    /** The harvester's schema (its own migrations), and a history: every demo service added, then one updated, one withdrawn. */
    private static void loadHistory() {
        String url = backends.postgres().jdbcUrl();
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("filesystem:../harvester/src/main/resources/db/migration")
                .load()
                .migrate();
        List<String> ids = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<String> documents = new ArrayList<>();
        try (InputStream in =
                CatalogueServicesTestResource.class.getResourceAsStream("/fixtures/demo-catalogue/services.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    ids.add(json.readTree(line).path("id").asText());
                    documents.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String insert =
                "insert into service_version (record_id, revision, change, changed_fields, document, run_id, changed_at, feed_position)"
                        + " values (?, ?, ?, ?, ?::jsonb, 1, ?, ?)";
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement row = db.prepareStatement(insert)) {
            Instant added = HISTORY_START;
            long position = 0;
            for (int i = 0; i < ids.size(); i++) {
                addVersion(
                        row,
                        ids.get(i),
                        1,
                        "ADDED",
                        "name,summary",
                        documents.get(i),
                        added.plusSeconds(i),
                        ++position);
            }
            addVersion(
                    row,
                    ids.get(0),
                    2,
                    "UPDATED",
                    "summary",
                    documents.get(0),
                    Instant.parse("2026-11-10T09:00:00Z"),
                    ++position);
            addVersion(
                    row, ids.get(1), 2, "WITHDRAWN", "status", null, Instant.parse("2026-11-11T09:00:00Z"), ++position);
            addVersion(
                    row,
                    ids.get(2),
                    2,
                    "UPDATED",
                    "benefits",
                    documents.get(2),
                    Instant.parse("2026-11-12T09:00:00Z"),
                    null);
            row.executeBatch();
            addRecords(db, ids, documents, json);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records of truth behind the indexed documents, with their sources: what the detail's provenance reads. */
    private static void addRecords(Connection db, List<String> ids, List<String> documents, ObjectMapper json)
            throws SQLException {
        Set<String> sources = new TreeSet<>();
        try (PreparedStatement record =
                db.prepareStatement("insert into service_record (id, source_id, source_record_id, url,"
                        + " document, content_hash, status, revision, first_seen, last_seen, last_changed)"
                        + " values (?, ?, ?, ?, ?::jsonb, 'fixture', 'ACTIVE', 1, ?, ?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                JsonNode document;
                try {
                    document = json.readTree(documents.get(i));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String source = document.path("sourceId").asText();
                if (sources.add(source)) {
                    try (PreparedStatement add = db.prepareStatement(
                            "insert into source (id, kind, agency_code, agency_name,"
                                    + " agency_type, schedule, definition, created_at, updated_at) values (?, 'fixture', '-', '-', '-', '0 0 3 * * ?', '', now(), now())")) {
                        add.setString(1, source);
                        add.executeUpdate();
                    }
                }
                record.setString(1, ids.get(i));
                record.setString(2, source);
                record.setString(3, document.path("sourceRecordId").asText());
                record.setString(4, document.path("url").asText());
                record.setString(5, documents.get(i));
                record.setTimestamp(6, Timestamp.from(HISTORY_START.plusSeconds(i)));
                record.setTimestamp(7, Timestamp.from(Instant.parse("2026-11-27T03:00:00Z")));
                record.setTimestamp(8, Timestamp.from(HISTORY_START.plusSeconds(i)));
                record.addBatch();
            }
            record.executeBatch();
        }
    }

    /** When the fixture history begins: the demo services were added one second apart from then on. */
    static final Instant HISTORY_START = Instant.parse("2026-11-01T00:00:00Z");

    private static void addVersion(
            PreparedStatement row,
            String id,
            long revision,
            String change,
            String fields,
            String document,
            Instant at,
            Long position)
            throws SQLException {
        row.setString(1, id);
        row.setLong(2, revision);
        row.setString(3, change);
        row.setString(4, fields);
        row.setString(5, document);
        row.setTimestamp(6, Timestamp.from(at));
        if (position == null) {
            row.setNull(7, Types.BIGINT);
        } else {
            row.setLong(7, position);
        }
        row.addBatch();
    }

    private static void call(String method, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(backends.elasticsearch().httpUrl() + path))
                                    .header("Content-Type", "application/json")
                                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
                throw new IllegalStateException(
                        method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (backends != null) {
            backends.close();
        }
    }
}
