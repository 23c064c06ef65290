package org.onewindow.runtime;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntBinaryOperator;
import org.onewindow.runtime.demo.DemoAgency;
import org.onewindow.runtime.demo.DemoAgencyWeb;

/**
 * The whole catalogue on one machine without Docker: PostgreSQL, Elasticsearch with our plugin, the demo agency
 * sites (one server per agency, see {@link DemoAgencyWeb}), and the packaged harvester and catalogue-api as processes. {@code ./onewindow up} and the end-to-end
 * test both start it through here.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * @param stateDir    where data and logs live ({@code .onewindow/} for the local stack)
     * @param persistent  keep database and index between starts
     * @param ports       0 means a free port
     */
    public record Settings(
            Path stateDir,
            Path elasticsearchZip,
            Path analysisPluginZip,
            Path harvesterJar,
            Path apiJar,
            String operatorKey,
            boolean persistent,
            Ports ports,
            Profile profile) {

        /** The demo stack's settings ({@link Profile#demo()}). */
        public Settings(
                Path stateDir,
                Path elasticsearchZip,
                Path analysisPluginZip,
                Path harvesterJar,
                Path apiJar,
                String operatorKey,
                boolean persistent,
                Ports ports) {
            this(
                    stateDir,
                    elasticsearchZip,
                    analysisPluginZip,
                    harvesterJar,
                    apiJar,
                    operatorKey,
                    persistent,
                    ports,
                    Profile.demo());
        }
    }

    /**
     * What differs between the demo stack and, say, the benchmark's: Elasticsearch's heap, the apps' JVM options, the
     * agency sites served (each source pointed at its site), and further configuration of the harvester and the API.
     */
    public record Profile(
            String elasticsearchHeap,
            List<String> appJvmOptions,
            List<DemoAgency> agencies,
            Map<String, String> harvesterProperties,
            Map<String, String> apiProperties) {

        public static Profile demo() {
            return new Profile("512m", AppProcess.SMALL_JVM, DemoAgency.all(), Map.of(), Map.of());
        }
    }

    /** Ports to use; 0 = any free one. {@code demoSite} is the first demo agency's port, the others follow it. */
    public record Ports(int elasticsearch, int postgres, int demoSite, int harvester, int api) {
        public static Ports random() {
            return new Ports(0, 0, 0, 0, 0);
        }
    }

    /** Where each part runs. */
    public record Component(String name, String url, long pid) {}

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, StackPart> parts = new LinkedHashMap<>();
    private final Map<String, Component> inProcess = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, String> entryPaths = new LinkedHashMap<>();

    /**
     * What makes the local stack local: every source and every dry-run may fetch from loopback and private addresses
     * (production refuses them but for sources an operator allowed).
     */
    public static final Map<String, String> LOOPBACK_FOR_EVERY_SOURCE = Map.of(
            "onewindow.harvest.allow-private-networks", "true",
            "onewindow.dry-run.allow-private-networks", "true");

    private LocalStack() {}

    public static LocalStack start(Settings settings, Consumer<String> progress) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(settings, progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Settings settings, Consumer<String> progress) {
        Path state = settings.stateDir().toAbsolutePath();
        // The local stack prefers the usual ports; tests take any free one, so they pass while a stack is up. A part
        // started again after a crash keeps the port it was given.
        IntBinaryOperator port = (configured, usual) -> configured != 0
                ? configured
                : settings.persistent()
                        ? org.onewindow.runtime.Ports.preferredOrFree(usual)
                        : org.onewindow.runtime.Ports.free();
        Path postgresData = settings.persistent() ? state.resolve("postgres") : null;
        int postgresPort = port.applyAsInt(settings.ports().postgres(), 5432);
        PostgresServer[] postgres = new PostgresServer[1];
        add(new StackPart("postgresql", () -> {
            postgres[0] = PostgresServer.start(postgresData, postgresPort, progress);
            return new StackPart.Running(postgres[0], postgres[0].jdbcUrl(), postgres[0].pid());
        }));

        ElasticsearchNode.Options elasticsearchOptions = new ElasticsearchNode.Options(
                settings.elasticsearchZip(),
                settings.analysisPluginZip(),
                state,
                port.applyAsInt(settings.ports().elasticsearch(), 9200),
                settings.profile().elasticsearchHeap(),
                settings.persistent());
        int[] elasticsearchPort = new int[1];
        add(new StackPart("elasticsearch", () -> {
            // started again, a node keeps its data whatever the stack's setting: only a first start may begin empty
            ElasticsearchNode node = ElasticsearchNode.start(
                    elasticsearchPort[0] == 0 ? elasticsearchOptions : elasticsearchOptions.again(elasticsearchPort[0]),
                    progress);
            elasticsearchPort[0] = node.httpPort();
            return new StackPart.Running(node, node.httpUrl(), node.pid());
        }));

        // One server per demo agency, as agencies are separate hosts: 8089, 8090, … when free (or from the port asked
        // for).
        List<DemoAgency> agencies = settings.profile().agencies();
        int firstDemoPort = settings.ports().demoSite();
        DemoAgencyWeb web = DemoAgencyWeb.start(
                agencies, i -> firstDemoPort != 0 ? firstDemoPort + i : port.applyAsInt(0, 8089 + i));
        started.add(web);
        for (DemoAgencyWeb.Site site : web.sites().values()) {
            progress.accept("demo agency site: " + site.agency().serviceCount() + " services of "
                    + site.agency().agencyName() + " (" + site.agency().sourceId() + ") at " + site.baseUrl());
            String name = demoComponent(site.agency().sourceId());
            inProcess.put(
                    name,
                    new Component(name, site.baseUrl(), ProcessHandle.current().pid()));
            order.add(name);
            entryPaths.put(
                    demoComponent(site.agency().sourceId()), site.agency().entryPath());
        }

        Map<String, String> connections = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                postgres[0].jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME",
                PostgresServer.USER,
                "QUARKUS_ELASTICSEARCH_HOSTS",
                "127.0.0.1:" + elasticsearchPort[0]);
        Map<String, String> harvesterEnvironment = new LinkedHashMap<>(connections);
        harvesterEnvironment.put("ONEWINDOW_OPERATOR_KEY", settings.operatorKey());
        harvesterEnvironment.putAll(web.harvesterEnvironment()); // API keys the demo sources read (ONEWINDOW_SECRET_…)
        // Every demo source reads its local demo site, without delay. A local stack is where agency sites and mapping
        // files are tried on loopback: every source, and every dry-run, may reach it (the banner says so).
        Map<String, String> demoOverrides = new LinkedHashMap<>(LOOPBACK_FOR_EVERY_SOURCE);
        web.baseUrls().forEach((sourceId, baseUrl) -> {
            demoOverrides.put("onewindow.sources." + sourceId + ".base-url", baseUrl);
            demoOverrides.put("onewindow.sources." + sourceId + ".delay-millis", "0");
            Set<String> secrets =
                    web.site(sourceId).agency().harvesterEnvironment().keySet();
            if (!secrets.isEmpty()) {
                demoOverrides.put(
                        "onewindow.sources." + sourceId + ".secrets", String.join(",", new TreeSet<>(secrets)));
            }
        });
        demoOverrides.putAll(settings.profile().harvesterProperties());
        List<String> jvm = settings.profile().appJvmOptions();
        int harvesterPort = fixedOrFree(settings.ports().harvester());
        add(new StackPart(
                "harvester",
                () -> app(AppProcess.start(
                        "harvester",
                        settings.harvesterJar(),
                        harvesterPort,
                        jvm,
                        harvesterEnvironment,
                        demoOverrides,
                        state.resolve("logs/harvester.log"),
                        progress))));

        // The API reads as the role the harvester's migrations created, with a password of this start's own.
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String readerPassword = HexFormat.of().formatHex(secret);
        postgres[0].letReaderLogIn(readerPassword);
        Map<String, String> apiEnvironment = new LinkedHashMap<>(connections);
        apiEnvironment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.READER);
        apiEnvironment.put("QUARKUS_DATASOURCE_PASSWORD", readerPassword);
        int apiPort = fixedOrFree(settings.ports().api());
        Map<String, String> apiProperties = new LinkedHashMap<>();
        apiProperties.put("onewindow.api.public-base-url", "http://localhost:" + apiPort); // the IRIs of its JSON-LD
        apiProperties.putAll(settings.profile().apiProperties());
        add(new StackPart(
                "catalogue-api",
                () -> app(AppProcess.start(
                        "catalogue-api",
                        settings.apiJar(),
                        apiPort,
                        jvm,
                        apiEnvironment,
                        apiProperties,
                        state.resolve("logs/catalogue-api.log"),
                        progress))));
    }

    private static StackPart.Running app(AppProcess app) {
        return new StackPart.Running(app, app.url(), app.pid());
    }

    private void add(StackPart part) {
        started.add(part::close);
        parts.put(part.name(), part);
        order.add(part.name());
    }

    /** The component name of a demo agency's site: {@code demo-<source id>}. */
    public static String demoComponent(String sourceId) {
        return "demo-" + sourceId;
    }

    private static int fixedOrFree(int configured) {
        return configured != 0 ? configured : org.onewindow.runtime.Ports.free(); // not the nested Ports record
    }

    /** Every part, in start order, where it runs now (a part started again after a crash has a new pid). */
    public Map<String, Component> components() {
        Map<String, Component> components = new LinkedHashMap<>();
        for (String name : order) {
            StackPart part = parts.get(name);
            components.put(name, part != null ? new Component(name, part.url(), part.pid()) : inProcess.get(name));
        }
        return Collections.unmodifiableMap(components);
    }

    /** The parts that run as processes of their own, which a {@link StackSupervisor} can watch and start again. */
    public List<StackPart> processes() {
        return List.copyOf(parts.values());
    }

    /** Where a person starts reading a demo agency's site (its list page, feed or API call), relative to its URL. */
    public Optional<String> entryPath(String component) {
        return Optional.ofNullable(entryPaths.get(component));
    }

    public String url(String component) {
        return components().get(component).url();
    }

    /** Stops everything, last started first. */
    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("could not stop " + part + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
