package org.onewindow.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One packaged Quarkus app ({@code quarkus-run.jar}) run as a child process, ready when its readiness check is UP. Its
 * health and metrics answer on the management port ({@link #managementUrl()}): its own port plus 1000 when that is free.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private AppProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** A small JVM that starts fast (C1 only, serial GC): right for tests and the demo stack, not for measuring speed. */
    public static final List<String> SMALL_JVM =
            List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * @param environment environment variables (Quarkus reads QUARKUS_… and ONEWINDOW_… from it)
     * @param properties  system properties, for keys that have no environment form (per-source overrides)
     */
    public static AppProcess start(
            String name,
            Path jar,
            int port,
            Map<String, String> environment,
            Map<String, String> properties,
            Path log,
            Consumer<String> progress) {
        return start(name, jar, port, SMALL_JVM, environment, properties, log, progress);
    }

    /** @param jvmOptions heap, collector and compiler options of the app's JVM ({@link #SMALL_JVM} by default) */
    public static AppProcess start(
            String name,
            Path jar,
            int port,
            List<String> jvmOptions,
            Map<String, String> environment,
            Map<String, String> properties,
            Path log,
            Consumer<String> progress) {
        if (!Files.isRegularFile(jar)) {
            throw new RuntimeEnvironmentException("missing " + jar + " (build it first: ./mvnw -DskipTests package)");
        }
        if (!Ports.isAvailable(port)) {
            throw new RuntimeEnvironmentException("port " + port + " for the " + name + " is taken; stop what uses it"
                    + " (ss -ltnp | grep :" + port + ") or choose another port");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            int managementPort = port + 1000 <= 65535 ? Ports.preferredOrFree(port + 1000) : Ports.free();
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            progress.accept(name + ": starting on port " + port + ", health and metrics on " + managementPort
                    + " (log: " + log + ")");
            Instant started = Instant.now();
            AppProcess app = new AppProcess(name, builder.start(), port, managementPort, log);
            app.awaitReady();
            progress.accept(name + ": ready at " + app.url() + " in "
                    + Duration.between(started, Instant.now()).toSeconds() + " s");
            return app;
        } catch (IOException e) {
            throw new RuntimeEnvironmentException("cannot start the " + name + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Where its health ({@code /q/health}) and Prometheus metrics ({@code /q/metrics}) answer. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady() {
        try {
            Readiness.await(
                    "the " + name,
                    // a build from before the management interface answers on its own port: benchmarks start those
                    List.of(URI.create(managementUrl() + "/q/health/ready"), URI.create(url() + "/q/health/ready")),
                    READY_TIMEOUT,
                    process::isAlive,
                    this::tail);
        } catch (RuntimeEnvironmentException e) {
            close();
            throw e;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
