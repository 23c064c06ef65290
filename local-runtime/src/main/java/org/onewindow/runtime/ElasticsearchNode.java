package org.onewindow.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real single-node Elasticsearch, from the integ-test zip on Maven Central, with our analysis plugin installed.
 * The installed distribution is cached per (zip, plugin) pair and shared; each node has its own config, data and
 * logs. Runs as an unprivileged user when the caller is root.
 */
public final class ElasticsearchNode implements AutoCloseable {

    /**
     * @param distribution the Elasticsearch integ-test zip
     * @param plugin       our analysis plugin zip
     * @param workDir      where the node keeps its files (relocated under the temp dir when running as root)
     * @param httpPort     0 for a free port
     * @param heap         e.g. "512m"
     * @param keepData     keep indices across restarts (the local stack) or start empty (tests)
     */
    public record Options(Path distribution, Path plugin, Path workDir, int httpPort, String heap, boolean keepData) {
        public Options {
            requireFile(distribution, "Elasticsearch zip (onewindow-runtime.elasticsearch-zip)");
            requireFile(plugin, "analysis plugin zip (onewindow-runtime.analysis-plugin-zip)");
        }

        /** The same node started again after it died: on the port it had, with the data it had. */
        public Options again(int port) {
            return new Options(distribution, plugin, workDir, port, heap, true);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path nodeDir;
    private final int httpPort;
    private final long pid;

    private ElasticsearchNode(Path nodeDir, int httpPort, long pid) {
        this.nodeDir = nodeDir;
        this.httpPort = httpPort;
        this.pid = pid;
    }

    public static ElasticsearchNode start(Options options, Consumer<String> progress) {
        NodeUser.ensureExists();
        Path home = installedDistribution(options, progress);
        Path nodeDir = nodeDirFor(options.workDir());
        stopStale(nodeDir);
        if (!options.keepData()) {
            deleteTree(nodeDir.resolve("data"));
        }
        int httpPort = options.httpPort() == 0 ? Ports.free() : options.httpPort();
        if (!Ports.isAvailable(httpPort)) {
            throw new RuntimeEnvironmentException(
                    "port " + httpPort + " for Elasticsearch is taken; free it or choose another");
        }
        int transportPort = Ports.free();
        Path config = prepareNodeDir(home, nodeDir, options.heap());
        Path pidFile = nodeDir.resolve("elasticsearch.pid");
        List<String> command = NodeUser.asNodeUser(List.of(
                "env",
                "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_PATH_CONF=" + config,
                home.resolve("bin/elasticsearch").toString(),
                "-d",
                "-p",
                pidFile.toString(),
                "-Ecluster.name=onewindow-local",
                "-Enode.name=onewindow-local",
                "-Ediscovery.type=single-node",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + httpPort,
                "-Etransport.port=" + transportPort,
                "-Epath.data=" + nodeDir.resolve("data"),
                "-Epath.logs=" + nodeDir.resolve("logs"),
                "-Expack.security.enabled=false",
                "-Expack.ml.enabled=false",
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-Eaction.auto_create_index=false"));
        progress.accept("Elasticsearch: starting on port " + httpPort + " (" + nodeDir + ")");
        Instant started = Instant.now();
        try {
            Commands.run(command, START_TIMEOUT.toSeconds());
        } catch (RuntimeEnvironmentException e) {
            throw new RuntimeEnvironmentException(
                    "Elasticsearch did not start: " + e.getMessage() + "\n" + logTail(nodeDir), e);
        }
        long pid = readPid(pidFile)
                .orElseThrow(() -> new RuntimeEnvironmentException(
                        "Elasticsearch started but wrote no pid file " + pidFile + "\n" + logTail(nodeDir)));
        ElasticsearchNode node = new ElasticsearchNode(nodeDir, httpPort, pid);
        node.awaitHealthy(START_TIMEOUT);
        progress.accept("Elasticsearch: ready at " + node.httpUrl() + " in "
                + Duration.between(started, Instant.now()).toSeconds() + " s");
        return node;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return pid;
    }

    @Override
    public void close() {
        Processes.stop(pid);
    }

    private void awaitHealthy(Duration timeout) {
        try {
            Readiness.await(
                    "Elasticsearch",
                    URI.create(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=5s"),
                    timeout,
                    () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    () -> logTail(nodeDir));
        } catch (RuntimeEnvironmentException e) {
            close();
            throw e;
        }
    }

    /** Directory the node's files live in: reachable for the node user even when the work dir is not. */
    static Path nodeDirFor(Path workDir) {
        Path absolute = workDir.toAbsolutePath().normalize();
        if (!NodeUser.callerIsRoot()) {
            return absolute.resolve("elasticsearch");
        }
        return tempRoot().resolve("node-" + sha256(absolute.toString()).substring(0, 12));
    }

    private static Path tempRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "onewindow-es");
    }

    private static Path distributionCache() {
        if (NodeUser.callerIsRoot()) {
            return tempRoot();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "onewindow", "elasticsearch");
    }

    private static Path installedDistribution(Options options, Consumer<String> progress) {
        String key = sha256(options.distribution().getFileName() + ":" + size(options.distribution()) + ":"
                        + digest(options.plugin()))
                .substring(0, 12);
        Path home = distributionCache().resolve("dist-" + key);
        if (Files.isRegularFile(home.resolve(".installed"))) {
            return home;
        }
        progress.accept("Elasticsearch: unpacking " + options.distribution().getFileName()
                + " and installing the analysis plugin");
        try {
            Files.createDirectories(home.getParent());
            if (NodeUser.callerIsRoot()) {
                Files.setPosixFilePermissions(home.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Path staging = Files.createTempDirectory(home.getParent(), "staging-");
            unzipStrippingTopFolder(options.distribution(), staging);
            Commands.run(
                    List.of(
                            "env",
                            "ES_JAVA_HOME=" + System.getProperty("java.home"),
                            "ES_PATH_CONF=" + staging.resolve("config"),
                            staging.resolve("bin/elasticsearch-plugin").toString(),
                            "install",
                            "--batch",
                            options.plugin().toUri().toString()),
                    300);
            Files.writeString(staging.resolve(".installed"), Instant.now().toString());
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            NodeUser.own(staging);
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                deleteTree(staging); // another build installed the same distribution meanwhile
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Elasticsearch under " + home, e);
        }
    }

    private static Path prepareNodeDir(Path home, Path nodeDir, String heap) {
        try {
            Files.createDirectories(nodeDir.resolve("data"));
            Files.createDirectories(nodeDir.resolve("logs"));
            Path config = nodeDir.resolve("config");
            if (!Files.exists(config.resolve("elasticsearch.yml"))) {
                copyTree(home.resolve("config"), config);
            }
            Path heapOptions = config.resolve("jvm.options.d/onewindow-heap.options");
            Files.createDirectories(heapOptions.getParent());
            Files.writeString(heapOptions, "-Xms" + heap + "\n-Xmx" + heap + "\n");
            NodeUser.own(nodeDir);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + nodeDir, e);
        }
    }

    /** A node left behind by a killed build or supervisor would hold the data directory lock: stop it first. */
    private static void stopStale(Path nodeDir) {
        readPid(nodeDir.resolve("elasticsearch.pid"))
                .ifPresent(pid -> ProcessHandle.of(pid)
                        .filter(p -> p.info()
                                .commandLine()
                                .map(c -> c.contains(nodeDir.toString()))
                                .orElse(false))
                        .ifPresent(p -> Processes.stop(pid)));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile)
                    ? Optional.of(Long.parseLong(Files.readString(pidFile).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String logTail(Path nodeDir) {
        Path log = nodeDir.resolve("logs/onewindow-local.log");
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    private static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean executable = name.contains("/bin/") || name.contains("/platform/");
                Files.setPosixFilePermissions(
                        out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path out = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(path, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireFile(Path file, String what) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new RuntimeEnvironmentException(
                    "missing " + what + ": " + file + " (build the project first: ./mvnw -DskipTests package)");
        }
    }
}
