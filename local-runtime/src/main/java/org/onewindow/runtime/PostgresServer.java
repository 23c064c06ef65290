package org.onewindow.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A real PostgreSQL 17 server from Zonky's binaries (linux-amd64). As root it runs initdb in a user namespace
 * ({@code unshare -U}); where that is not allowed, point the apps at an external PostgreSQL instead.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "onewindow";
    public static final String USER = "postgres";
    /** The catalogue API's read-only role, created by the harvester's migrations (V7__catalogue_reader_role.sql). */
    public static final String READER = "onewindow_reader";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * @param dataDir where the data lives across restarts; null for a throw-away cluster
     * @param port    0 for a free port
     */
    public static PostgresServer start(Path dataDir, int port, Consumer<String> progress) {
        int chosen = port == 0 ? Ports.free() : port;
        if (!Ports.isAvailable(chosen)) {
            throw new RuntimeEnvironmentException(
                    "port " + chosen + " for PostgreSQL is taken; free it or choose another");
        }
        progress.accept("PostgreSQL: starting on port " + chosen);
        Instant started = Instant.now();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(chosen)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1");
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            PostgresServer server = new PostgresServer(builder.start(), dataDir);
            server.createDatabaseIfMissing();
            progress.accept("PostgreSQL: ready at " + server.jdbcUrl() + " in "
                    + Duration.between(started, Instant.now()).toSeconds() + " s");
            return server;
        } catch (IOException | RuntimeException e) {
            throw new RuntimeEnvironmentException(
                    "PostgreSQL did not start: " + rootMessage(e)
                            + "\nAs root, the embedded server needs user namespaces (unshare -U). Where they are not allowed,"
                            + " run against an external PostgreSQL (QUARKUS_DATASOURCE_JDBC_URL).",
                    e);
        }
    }

    /**
     * Lets the reader role log in with {@code password}, as a deployment does at every start: the role exists once the
     * harvester's migrations have run, without a password.
     */
    public void letReaderLogIn(String password) {
        try (Connection connection = postgres.getDatabase(USER, DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter role " + READER + " with login password '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new RuntimeEnvironmentException(
                    "cannot let " + READER + " log in (have the harvester's migrations run?): " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid (from postmaster.pid), or -1 for a throw-away cluster. */
    public long pid() {
        return dataDir == null ? -1 : postmasterPid(dataDir);
    }

    public static long postmasterPid(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            return Files.exists(pidFile)
                    ? Long.parseLong(Files.readAllLines(pidFile).get(0).strip())
                    : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new RuntimeEnvironmentException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
