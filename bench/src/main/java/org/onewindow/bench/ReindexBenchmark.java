package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.runtime.PostgresServer;

/**
 * The harvester's full reindex ({@code POST /api/v1/index/rebuild}: every active record read from PostgreSQL into a
 * fresh index, then the alias moved) against Elasticsearch's own limit: a raw {@code _bulk} load of the very same
 * documents, prepared in memory beforehand, into an index of the same definition, in bulks of the same size sent one
 * after another as the rebuild sends them, then a refresh. The ratio raw ÷ rebuild says how close the rebuild comes.
 */
final class ReindexBenchmark {

    static final String RAW_INDEX = "bench-raw-bulk";
    /** As the harvester's {@code onewindow.harvest.publish-batch-size} default. */
    static final int BULK_SIZE = 500;

    record Result(long services, Duration rebuild, Duration rawBulk) {
        double ratio() {
            return rawBulk.toNanos() / (double) rebuild.toNanos();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String harvester;
    private final String operatorKey;
    private final String elasticsearch;
    private final String jdbcUrl;
    private final Consumer<String> say;

    ReindexBenchmark(String harvester, String operatorKey, String elasticsearch, String jdbcUrl, Consumer<String> say) {
        this.harvester = harvester;
        this.operatorKey = operatorKey;
        this.elasticsearch = elasticsearch;
        this.jdbcUrl = jdbcUrl;
        this.say = say;
    }

    Result run(long services) throws IOException, InterruptedException, SQLException {
        say.accept("reindex: the harvester's rebuild of " + services + " services …");
        long started = System.nanoTime();
        HttpResponse<String> rebuilt = http.send(
                HttpRequest.newBuilder(URI.create(harvester + "/api/v1/index/rebuild"))
                        .header("Authorization", "Bearer " + operatorKey)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofHours(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration rebuild = Duration.ofNanos(System.nanoTime() - started);
        if (rebuilt.statusCode() != 200
                || JSON.readTree(rebuilt.body()).path("indexed").asLong() != services) {
            throw new IllegalStateException("the rebuild answered " + rebuilt.statusCode() + ": " + rebuilt.body());
        }
        say.accept(String.format("reindex: rebuild took %.1f s", rebuild.toMillis() / 1000.0));

        List<String> bulks = bulksOfTheSameDocuments();
        send("DELETE", "/" + RAW_INDEX, null, true);
        send("PUT", "/" + RAW_INDEX, ServiceIndex.definitionJson(), false);
        say.accept("reindex: raw _bulk of the same documents …");
        started = System.nanoTime();
        for (String bulk : bulks) {
            JsonNode answer = JSON.readTree(send("POST", "/_bulk", bulk, false));
            if (answer.path("errors").asBoolean()) {
                throw new IllegalStateException(
                        "the raw bulk load was refused: " + answer.toString().substring(0, 500));
            }
        }
        send("POST", "/" + RAW_INDEX + "/_refresh", null, false);
        Duration raw = Duration.ofNanos(System.nanoTime() - started);
        long count = JSON.readTree(send("GET", "/" + RAW_INDEX + "/_count", null, false))
                .path("count")
                .asLong();
        send("DELETE", "/" + RAW_INDEX, null, false);
        if (count != services) {
            throw new IllegalStateException("the raw bulk load holds " + count + " documents, not " + services);
        }
        say.accept(String.format("reindex: raw _bulk took %.1f s", raw.toMillis() / 1000.0));
        return new Result(services, rebuild, raw);
    }

    /** Every active record's indexed document, as the rebuild writes it, in bulk bodies of {@link #BULK_SIZE}. */
    private List<String> bulksOfTheSameDocuments() throws SQLException {
        List<String> bulks = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "");
                Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            statement.setFetchSize(BULK_SIZE);
            try (ResultSet rows = statement.executeQuery(
                    "select id, revision, document from service_record where status = 'ACTIVE' order by id")) {
                StringBuilder bulk = new StringBuilder();
                int inBulk = 0;
                while (rows.next()) {
                    ObjectNode action = JSON.createObjectNode();
                    action.putObject("index")
                            .put("_index", RAW_INDEX)
                            .put("_id", rows.getString(1))
                            .put("version", rows.getLong(2))
                            .put("version_type", "external_gte");
                    bulk.append(action)
                            .append('\n')
                            .append(ServiceIndex.indexDocument(JSON, rows.getString(3)))
                            .append('\n');
                    if (++inBulk == BULK_SIZE) {
                        bulks.add(bulk.toString());
                        bulk.setLength(0);
                        inBulk = 0;
                    }
                }
                if (inBulk > 0) {
                    bulks.add(bulk.toString());
                }
            }
        }
        return bulks;
    }

    private String send(String method, String path, String body, boolean missingIsFine)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(elasticsearch + path)).timeout(Duration.ofMinutes(10));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(
                request.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300 && !(missingIsFine && answer.statusCode() == 404)) {
            throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
