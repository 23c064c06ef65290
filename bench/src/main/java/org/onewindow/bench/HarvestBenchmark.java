package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.runtime.LocalStack;
import org.onewindow.runtime.OperatorClient;
import org.onewindow.runtime.PostgresServer;

/**
 * The harvest path side by side for several builds of the harvester (issue 12): for each, interleaved over rounds, a
 * fresh stack harvests the generated JSON API agency (first harvest: wall, the harvester's CPU, the apply phase), then
 * harvests it again unchanged (wall, CPU, and the writes it made: PostgreSQL's row counters of the record, version and
 * outbox tables and Elasticsearch's indexing counter), with the harvester's heap high-water mark from its GC log.
 * Beside the apply phase, the limit it is held against: a plain JDBC batch insert of the same record and version rows.
 *
 * <pre>scripts/bench-harvest --builds=before=/path/quarkus-run.jar,after=/path/quarkus-run.jar [--services=100000]
 *   [--rounds=2] [--harvester-heap=1g] [--state=target/bench-harvest]</pre>
 */
public final class HarvestBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "bench-operator-key-of-at-least-32-characters";
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern APPLIED = Pattern.compile("run 1 applied .* in ([0-9.]+) s");
    private static final List<String> TABLES = List.of("service_record", "service_version", "publish_outbox");

    record Options(
            Map<String, Path> builds,
            Path apiJar,
            Path elasticsearchZip,
            Path pluginZip,
            int services,
            int rounds,
            String harvesterHeap,
            Path state) {

        static Options parse(String[] args) {
            Map<String, String> given = arguments(args);
            Map<String, Path> builds = new LinkedHashMap<>();
            for (String build : given.getOrDefault("builds", "").split(",")) {
                if (!build.contains("=")) {
                    throw new IllegalArgumentException("--builds=label=harvester-jar,… is needed");
                }
                builds.put(build.substring(0, build.indexOf('=')), Path.of(build.substring(build.indexOf('=') + 1)));
            }
            return new Options(
                    builds,
                    Path.of(given.get("api-jar")),
                    Path.of(given.get("elasticsearch-zip")),
                    Path.of(given.get("analysis-plugin-zip")),
                    Integer.parseInt(given.getOrDefault("services", "100000")),
                    Integer.parseInt(given.getOrDefault("rounds", "2")),
                    given.getOrDefault("harvester-heap", "1g"),
                    Path.of(given.getOrDefault("state", "target/bench-harvest")));
        }
    }

    /** One build's harvests on one fresh stack. */
    record Measured(
            String build,
            int round,
            double firstSeconds,
            double firstCpu,
            Double applySeconds,
            double againSeconds,
            double againCpu,
            Map<String, Long> againWrites,
            long esWritesAgain,
            long heapPeakMb,
            String firstStatus,
            String againStatus,
            Double batchSeconds) {}

    private final Options options;

    private HarvestBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("bench-harvest: " + e.getMessage());
            System.exit(2);
            return;
        }
        new HarvestBenchmark(options).run();
    }

    private void run() throws Exception {
        List<Measured> results = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (Map.Entry<String, Path> build : options.builds().entrySet()) {
                results.add(measure(build.getKey(), build.getValue(), round));
                say(results.get(results.size() - 1).toString());
            }
        }
        writeReport(options.state(), report(results));
    }

    /** The writes of a pass, as the tables give them: record ins / upd, version ins, outbox ins; transactions. */
    static String writes(Map<String, Long> writes) {
        return String.format(
                Locale.ROOT,
                "%d / %d, %d, %d; %d",
                writes.get("service_record inserted"),
                writes.get("service_record updated"),
                writes.get("service_version inserted"),
                writes.get("publish_outbox inserted"),
                writes.get("transactions"));
    }

    /** The table, printed and written to {@code results.md} in the state directory. */
    /** {@code --name=value} arguments, by name; anything else is refused. */
    static Map<String, String> arguments(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --name=value)");
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return given;
    }

    static void writeReport(Path state, String report) throws IOException {
        Files.createDirectories(state);
        Files.writeString(state.resolve("results.md"), report);
        System.out.println();
        System.out.println(report);
    }

    private Measured measure(String build, Path harvesterJar, int round) throws Exception {
        Path state = options.state().resolve(build + "-" + round).toAbsolutePath();
        deleteRecursively(state);
        Files.createDirectories(state.resolve("mappings"));
        try (InputStream mapping = HarvestBenchmark.class.getResourceAsStream("/" + GeneratedAgency.MAPPING_FILE)) {
            Files.write(state.resolve("mappings").resolve(GeneratedAgency.SOURCE_ID + ".yaml"), mapping.readAllBytes());
        }
        List<String> jvm = List.of(
                "-Xms" + options.harvesterHeap(),
                "-Xmx" + options.harvesterHeap(),
                "-Xlog:gc:file=" + state.resolve("gc-%p.log"));
        LocalStack.Profile profile = new LocalStack.Profile(
                "2g",
                jvm,
                List.of(new GeneratedAgency(options.services())),
                Map.of(
                        "onewindow.mapping-dir",
                        state.resolve("mappings").toString(),
                        "onewindow.harvest.schedules-enabled",
                        "false"),
                Map.of());
        LocalStack.Settings settings = new LocalStack.Settings(
                state.resolve("stack"),
                options.elasticsearchZip(),
                options.pluginZip(),
                harvesterJar,
                options.apiJar(),
                OPERATOR_KEY,
                false,
                LocalStack.Ports.random(),
                profile);
        say(build + ", round " + round + ": starting a fresh stack with " + harvesterJar);
        try (LocalStack stack = LocalStack.start(settings, HarvestBenchmark::say)) {
            long harvester = stack.components().get("harvester").pid();
            String elasticsearch = stack.url("elasticsearch").replace("//localhost:", "//127.0.0.1:");
            String jdbc = stack.url("postgresql");
            OperatorClient operator = new OperatorClient(stack.url("harvester"), OPERATOR_KEY);

            double cpu0 = cpuSeconds(harvester);
            long t0 = System.nanoTime();
            OperatorClient.RunResult first =
                    operator.harvestSource(GeneratedAgency.SOURCE_ID, Duration.ofHours(1), HarvestBenchmark::say);
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            double firstCpu = cpuSeconds(harvester) - cpu0;
            if (!"succeeded".equals(first.status())) { // e.g. out of heap: said in the table, the other builds go on
                return new Measured(
                        build,
                        round,
                        firstSeconds,
                        firstCpu,
                        null,
                        Double.NaN,
                        Double.NaN,
                        Map.of(),
                        -1,
                        heapPeakMb(state, harvester),
                        first.status() + " " + first.counts() + " (see " + state.resolve("stack/logs/harvester.log")
                                + ")",
                        "not run",
                        null);
            }
            awaitIndexed(elasticsearch, options.services());
            Double applySeconds = appliedSeconds(state.resolve("stack/logs/harvester.log"));

            Map<String, Long> before = tableWrites(jdbc);
            long esBefore = indexingTotal(elasticsearch);
            cpu0 = cpuSeconds(harvester);
            t0 = System.nanoTime();
            OperatorClient.RunResult again =
                    operator.harvestSource(GeneratedAgency.SOURCE_ID, Duration.ofHours(1), HarvestBenchmark::say);
            double againSeconds = (System.nanoTime() - t0) / 1e9;
            double againCpu = cpuSeconds(harvester) - cpu0;
            Map<String, Long> after = tableWrites(jdbc);
            Map<String, Long> writes = new LinkedHashMap<>();
            after.forEach((counter, value) -> writes.put(counter, value - before.getOrDefault(counter, 0L)));
            long esWrites = indexingTotal(elasticsearch) - esBefore;
            Double batchSeconds = round == 1 || options.builds().size() == 1 ? batchInsertSeconds(jdbc) : null;
            return new Measured(
                    build,
                    round,
                    firstSeconds,
                    firstCpu,
                    applySeconds,
                    againSeconds,
                    againCpu,
                    writes,
                    esWrites,
                    heapPeakMb(state, harvester),
                    first.status() + " " + first.counts(),
                    again.status() + " " + again.counts(),
                    batchSeconds);
        }
    }

    /** Until Elasticsearch holds {@code services} documents behind the catalogue's alias (the outbox drained). */
    static void awaitIndexed(String elasticsearch, long services) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> count = http.send(
                    HttpRequest.newBuilder(URI.create(elasticsearch + "/" + ServiceIndex.ALIAS + "/_count"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (count.statusCode() == 200
                    && JSON.readTree(count.body()).path("count").asLong() >= services) {
                return;
            }
            Thread.sleep(1000); // polling another process's progress
        }
        throw new IllegalStateException("Elasticsearch does not hold every service after 30 minutes");
    }

    /**
     * Rows inserted and updated in the record, version and outbox tables so far. PostgreSQL's backends report their
     * counters when idle, at the latest after ten seconds: the reading waits for that.
     */
    static Map<String, Long> tableWrites(String jdbc) throws SQLException, InterruptedException {
        Thread.sleep(11_000); // until every backend of the harvester has reported its counters
        Map<String, Long> writes = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, "");
                Statement statement = db.createStatement()) {
            statement.execute("select pg_stat_clear_snapshot()");
            try (ResultSet row = statement.executeQuery(
                    "select xact_commit from pg_stat_database where datname = current_database()")) {
                row.next();
                writes.put("transactions", row.getLong(1));
            }
            for (String table : TABLES) {
                try (ResultSet row =
                        statement.executeQuery("select n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables "
                                + "where relname = '" + table + "'")) {
                    row.next();
                    writes.put(table + " inserted", row.getLong(1));
                    writes.put(table + " updated", row.getLong(2));
                    writes.put(table + " deleted", row.getLong(3));
                }
            }
        }
        return writes;
    }

    /** Documents Elasticsearch indexed or deleted in the catalogue's index so far. */
    static long indexingTotal(String elasticsearch) throws IOException, InterruptedException {
        HttpResponse<String> stats = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(elasticsearch + "/" + ServiceIndex.ALIAS + "/_stats/indexing"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode indexing =
                JSON.readTree(stats.body()).path("_all").path("primaries").path("indexing");
        return indexing.path("index_total").asLong()
                + indexing.path("delete_total").asLong();
    }

    /**
     * The limit the apply phase is held against: the same record and version rows written by one plain JDBC batch insert
     * (1,000 rows a batch, one transaction) into empty copies of their tables.
     */
    private static double batchInsertSeconds(String jdbc) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, "")) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                statement.execute("create table bench_record (like service_record including all)");
                statement.execute("create table bench_version (like service_version including all)");
            }
            db.commit();
            List<Object[]> records = rows(db, "select * from service_record");
            List<Object[]> versions = rows(db, "select * from service_version");
            long t0 = System.nanoTime();
            insert(db, "bench_record", records);
            insert(db, "bench_version", versions);
            db.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static List<Object[]> rows(Connection db, String query) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insert(Connection db, String table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String placeholders = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
        try (PreparedStatement insert =
                db.prepareStatement("insert into " + table + " values (" + placeholders + ")")) {
            int batched = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The apply phase of the first run, as the harvester logged it (builds from before issue 12 do not). */
    private static Double appliedSeconds(Path log) throws IOException {
        Matcher applied = APPLIED.matcher(Files.readString(log));
        return applied.find() ? Double.parseDouble(applied.group(1)) : null;
    }

    /** The largest heap the harvester had in use before a collection, from its GC log (MB). */
    static long heapPeakMb(Path state, long pid) throws IOException {
        Path log = state.resolve("gc-" + pid + ".log");
        if (!Files.exists(log)) {
            return -1;
        }
        long peak = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(1)));
            }
        }
        return peak;
    }

    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                / 100.0; // utime + stime, in clock ticks of 1/100 s
    }

    private String report(List<Measured> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Harvest of %,d generated services (JSON API, records carried whole by 1,000-record list pages), "
                        + "harvester heap %s; builds interleaved over %d rounds.%n%n",
                options.services(),
                options.harvesterHeap(),
                options.rounds()));
        out.append(
                "| build | round | first harvest s | its CPU s | CPU s per 1,000 | apply s | JDBC batch s | again s | again CPU s | again ÷ first "
                        + "| writes again (PostgreSQL rows: record ins/upd, version ins, outbox ins; transactions) | Elasticsearch writes again | heap peak MB |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (Measured m : results) {
            if (m.againWrites().isEmpty()) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %s after %.1f s | %.1f | – | – | – | – | – | – | – | – | %d |%n",
                        m.build(),
                        m.round(),
                        m.firstStatus().split(" ")[0],
                        m.firstSeconds(),
                        m.firstCpu(),
                        m.heapPeakMb()));
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.2f | %s | %s | %.1f | %.1f | %.2f | %s | %d | %d |%n",
                    m.build(),
                    m.round(),
                    m.firstSeconds(),
                    m.firstCpu(),
                    m.firstCpu() * 1000 / options.services(),
                    m.applySeconds() == null ? "–" : String.format(Locale.ROOT, "%.1f", m.applySeconds()),
                    m.batchSeconds() == null ? "–" : String.format(Locale.ROOT, "%.1f", m.batchSeconds()),
                    m.againSeconds(),
                    m.againCpu(),
                    m.againSeconds() / m.firstSeconds(),
                    writes(m.againWrites()),
                    m.esWritesAgain(),
                    m.heapPeakMb()));
        }
        out.append("\nRuns as they ended:\n\n");
        for (Measured m : results) {
            out.append("- ")
                    .append(m.build())
                    .append(" round ")
                    .append(m.round())
                    .append(": first ")
                    .append(m.firstStatus())
                    .append("; again ")
                    .append(m.againStatus())
                    .append('\n');
        }
        return out.toString();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void say(String message) {
        System.out.println(DateTimeFormatter.ofPattern("HH:mm:ss").format(LocalTime.now()) + " " + message);
    }
}
