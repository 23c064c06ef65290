package org.onewindow.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.onewindow.runtime.LocalStack;
import org.onewindow.runtime.OperatorClient;
import org.onewindow.runtime.Ports;
import org.onewindow.runtime.Processes;
import org.onewindow.runtime.RuntimeEnvironmentException;
import org.onewindow.runtime.StackSupervisor;

/**
 * {@code ./onewindow up | down | status}: runs the local stack in a background supervisor process, so the
 * terminal is free and {@code down} can stop everything it started.
 */
public final class OneWindowCli {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean supervising;
    private final StackFiles files;

    private static final String USAGE = "usage: ./onewindow up | down | status | sources | runs SOURCE"
            + " | dry-run FILE [--limit N] [--offset N] [--diff]";

    /**
     * The API commands against the running stack's harvester (or {@code ONEWINDOW_HARVESTER_URL}), with the key of
     * {@code ONEWINDOW_KEY} if set (an agency's), else the stack's operator key.
     */
    private ApiCommands api() {
        String url = System.getenv("ONEWINDOW_HARVESTER_URL");
        if (url == null || url.isBlank()) {
            JsonNode stack = files.stack()
                    .orElseThrow(() -> new RuntimeEnvironmentException(
                            "no stack is running here: ./onewindow up (or set ONEWINDOW_HARVESTER_URL)"));
            url = url(stack, "harvester");
        }
        String key = System.getenv("ONEWINDOW_KEY");
        return new ApiCommands(url, key == null || key.isBlank() ? files.operatorKey() : key.strip(), System.out);
    }

    private OneWindowCli(Path state) {
        this.files = new StackFiles(state.toAbsolutePath().normalize());
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        OneWindowCli cli = new OneWindowCli(Path.of(property("state", ".onewindow")));
        try {
            int code = switch (command) {
                case "up" -> cli.up();
                case "down" -> cli.down();
                case "status" -> cli.status();
                case "supervise" -> cli.supervise();
                case "sources" -> cli.api().sources();
                case "runs" -> {
                    if (args.length < 2) {
                        throw new RuntimeEnvironmentException("usage: ./onewindow runs SOURCE");
                    }
                    yield cli.api().runs(args[1]);
                }
                case "dry-run" -> {
                    if (args.length < 2) {
                        throw new RuntimeEnvironmentException(
                                "usage: ./onewindow dry-run FILE [--limit N] [--offset N] [--diff]");
                    }
                    yield cli.api()
                            .dryRun(
                                    Path.of(args[1]),
                                    ApiCommands.options(List.of(args).subList(2, args.length)));
                }
                default -> {
                    System.out.println(USAGE);
                    yield "help".equals(command) ? 0 : 2;
                }
            };
            System.exit(code);
        } catch (RuntimeEnvironmentException e) {
            System.err.println("onewindow: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * One key per demo agency, kept across starts while the harvester still accepts it; a new one is issued (and the
     * agency allowed the demo sites' loopback hosts) when there is none. Returns the agencies' codes.
     */
    private Set<String> demoAgencyKeys(String harvesterUrl, OperatorClient operator) {
        Map<String, String> agencies = operator.agencies();
        agencies.forEach((code, name) -> {
            boolean kept = files.agencyKey(code)
                    .map(key -> new OperatorClient(harvesterUrl, key).keyAccepted())
                    .orElse(false);
            if (!kept) {
                operator.allowHosts(code, List.of("127.0.0.1", "localhost"), "the local stack's demo sites");
                files.storeAgencyKey(code, operator.issueAgencyKey("demo key of " + name, code));
            }
        });
        return agencies.keySet();
    }

    private int up() {
        if (files.supervisor().isPresent() && files.stack().isPresent()) {
            List<String> down = downComponents(files.stack().get());
            if (down.isEmpty()) {
                say("already running (supervisor pid "
                        + files.supervisor().get().pid() + ")");
            } else {
                say("already running (supervisor pid "
                        + files.supervisor().get().pid() + "), but down: " + String.join("; ", down));
                say("starting " + (down.size() == 1 ? "it" : "them") + " again, with "
                        + (down.size() == 1 ? "its" : "their") + " data …");
                files.requestRestartNow();
                awaitEveryComponentUp();
            }
        } else {
            long from =
                    lineCount(); // the log keeps the stack's history (crashes, restarts): only what comes now is shown
            if (files.supervisor().isPresent()) {
                say("a stack is still starting or stopping; waiting for it");
            } else {
                files.stack().ifPresent(stale -> {
                    say("the stack's supervisor has stopped; " + describeLeftovers(stale));
                    stopLeftovers(stale);
                    say("starting the whole stack again, with its data");
                });
                files.clear();
                startSupervisor();
            }
            awaitStack(from);
        }
        JsonNode stack = files.stack().orElseThrow();
        String api = url(stack, "catalogue-api");
        OperatorClient operator = new OperatorClient(url(stack, "harvester"), files.operatorKey());
        say("harvesting the demo agency sites over HTTP …");
        // A first start harvests every source; a later one the sources not harvested yet (a mapping file added since).
        List<OperatorClient.RunResult> runs = catalogueSize(api) == 0
                ? operator.harvestAllSources(Duration.ofMinutes(15), OneWindowCli::say)
                : operator.harvestSourcesNotYetHarvested(Duration.ofMinutes(15), OneWindowCli::say);
        runs.stream()
                .filter(r -> !"succeeded".equals(r.status()))
                .forEach(r -> say("run " + r.runId() + " of " + r.sourceId() + " ended " + r.status() + "; see "
                        + url(stack, "harvester") + "/api/v1/runs/" + r.runId() + "/errors"));
        long total = catalogueSize(api);
        if (total == 0) {
            throw new RuntimeEnvironmentException("the catalogue is still empty after harvesting; see "
                    + files.state().resolve("logs"));
        }
        say("searchable: " + total + " services in the catalogue");
        Set<String> agencies = demoAgencyKeys(url(stack, "harvester"), operator);
        System.out.println();
        System.out.println("  catalogue API   " + api + "/api/v1/services?q=청년");
        System.out.println("  OpenAPI         " + api + "/q/openapi");
        System.out.println("  harvester API   " + url(stack, "harvester")
                + "/api/v1/sources   (Authorization: Bearer $(cat " + relative(files.operatorKeyFile()) + "))");
        System.out.println("  console         " + url(stack, "harvester")
                + "/console   (sign in with the operator key or an agency key)");
        for (JsonNode component : stack.path("components")) {
            if (component.path("name").asText().startsWith("demo-")) {
                System.out.printf(
                        "  %-20s %s%s%n",
                        component.path("name").asText(),
                        component.path("url").asText(),
                        component.path("entryPath").asText(""));
            }
        }
        System.out.println("  operator key    " + files.operatorKey() + "   (stored in "
                + relative(files.operatorKeyFile()) + ")");
        System.out.println("  network         loopback and private addresses allowed for every source and dry-run"
                + " (a local stack; production allows them per source: PUT /api/v1/sources/{id}/settings)");
        System.out.println(
                "  agency keys     " + relative(files.agencyKeyFile("CODE").getParent())
                        + "/agency-<code>.key for " + String.join(", ", agencies)
                        + "   (each acts for its agency's sources only)");
        System.out.println("  logs            " + relative(files.state().resolve("logs")));
        System.out.println("  stop with       ./onewindow down");
        return 0;
    }

    /**
     * The components of a running stack that are down, each with since when and why: as the supervisor recorded it, or
     * a process that has ended and that the supervisor has not noticed yet.
     */
    private static List<String> downComponents(JsonNode stack) {
        List<String> down = new ArrayList<>();
        for (JsonNode component : stack.path("components")) {
            if (!component.has("state")) {
                continue; // in the supervisor's own process (the demo sites): up as long as it is
            }
            boolean recordedDown = "down".equals(component.path("state").asText());
            boolean ended = !alive(component.path("pid").asLong(-1));
            if (recordedDown || ended) {
                down.add(component.path("name").asText()
                        + (recordedDown
                                ? " (since " + local(component.path("since").asText()) + ": "
                                        + component.path("problem").asText() + ")"
                                : " (its process, pid " + component.path("pid").asLong() + ", has just ended)"));
            }
        }
        return down;
    }

    /** Relays the supervisor's log until every component is up again, or fails naming what is still down. */
    private void awaitEveryComponentUp() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        long shown = lineCount();
        while (true) {
            shown = showNewLines(shown);
            if (files.supervisor().isEmpty()) {
                throw new RuntimeEnvironmentException(
                        "the stack's supervisor stopped; its log is " + relative(files.log()));
            }
            List<String> down =
                    files.stack().map(OneWindowCli::downComponents).orElse(List.of("the whole stack (no stack.json)"));
            if (down.isEmpty()) {
                say("every component is up");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RuntimeEnvironmentException(
                        "still down after " + START_TIMEOUT.toMinutes() + " minutes: " + String.join("; ", down)
                                + "; see " + relative(files.state().resolve("logs")));
            }
            pause(500);
        }
    }

    private static String describeLeftovers(JsonNode stack) {
        List<String> running = new ArrayList<>();
        List<String> down = new ArrayList<>();
        long supervisorPid = stack.path("supervisorPid").asLong(-1);
        for (JsonNode component : stack.path("components")) {
            long pid = component.path("pid").asLong(-1);
            if (pid == supervisorPid) {
                continue;
            }
            (alive(pid) ? running : down).add(component.path("name").asText());
        }
        return (running.isEmpty() ? "nothing of it still runs" : "still running: " + String.join(", ", running))
                + (down.isEmpty() ? "" : "; down: " + String.join(", ", down));
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String local(String instant) {
        try {
            return DateTimeFormatter.ofPattern("HH:mm:ss")
                    .format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private long lineCount() {
        try {
            return Files.exists(files.log())
                    ? Files.readAllLines(files.log(), StandardCharsets.UTF_8).size()
                    : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void startSupervisor() {
        files.operatorKey();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: closing the terminal does not stop the stack
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("onewindow-runtime."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), OneWindowCli.class.getName(), "supervise"));
        try {
            Files.createDirectories(files.log().getParent());
            Files.writeString(
                    files.log(),
                    "== ./onewindow up, " + Instant.now() + " ==\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new RuntimeEnvironmentException("cannot start the stack supervisor: " + e.getMessage(), e);
        }
    }

    /** Shows the supervisor's progress lines (after line {@code from}) until the stack is up, or fails with its last words. */
    private void awaitStack(long from) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        long shown = from;
        Instant grace = Instant.now().plusSeconds(10);
        while (true) {
            shown = showNewLines(shown);
            if (files.stack().isPresent() && files.supervisor().isPresent()) {
                return;
            }
            if (files.supervisor().isEmpty() && Instant.now().isAfter(grace)) {
                showNewLines(shown);
                throw new RuntimeEnvironmentException("the stack did not start; its log is " + relative(files.log()));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RuntimeEnvironmentException("the stack did not start within " + START_TIMEOUT.toMinutes()
                        + " minutes; see " + relative(files.log()));
            }
            pause(300);
        }
    }

    private long showNewLines(long alreadyShown) {
        try {
            if (!Files.exists(files.log())) {
                return alreadyShown;
            }
            List<String> lines = Files.readAllLines(files.log(), StandardCharsets.UTF_8);
            for (long i = alreadyShown; i < lines.size(); i++) {
                String line = lines.get((int) i);
                if (line.startsWith("[onewindow] ")) {
                    System.out.println(line.substring(12));
                }
            }
            return lines.size();
        } catch (IOException e) {
            return alreadyShown;
        }
    }

    /** Runs in the background: holds the stack until it is asked to stop (SIGTERM from {@code down}). */
    private int supervise() {
        supervising = true;
        try (RandomAccessFile lockFile =
                        new RandomAccessFile(files.state().resolve("stack.lock").toFile(), "rw");
                FileLock lock = lockFile.getChannel().tryLock()) {
            if (lock == null) {
                throw new RuntimeEnvironmentException("another stack runs on " + files.state());
            }
            Files.writeString(
                    files.pidFile(), Long.toString(ProcessHandle.current().pid()));
            LocalStack stack = LocalStack.start(settings(), OneWindowCli::say);
            StackSupervisor supervisor = new StackSupervisor(
                    stack.processes(),
                    OneWindowCli::say,
                    states -> files.writeStack(describe(stack, states)),
                    Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                say("stopping …");
                                supervisor.close();
                                stack.close();
                                files.clear();
                                say("stopped");
                                stopped.countDown();
                            },
                            "onewindow-stop"));
            supervisor.start();
            say("stack is up; crashed components are started again (watch with ./onewindow status)");
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                if (files.takeRestartNowRequest()) {
                    supervisor.attemptNow();
                }
            }
            return 0;
        } catch (IOException e) {
            throw new RuntimeEnvironmentException("cannot lock " + files.state() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            say("FAILED: " + e.getMessage());
            files.clear();
            throw e;
        }
    }

    private LocalStack.Settings settings() {
        return new LocalStack.Settings(
                files.state(),
                Path.of(required("elasticsearch-zip")),
                Path.of(required("analysis-plugin-zip")),
                Path.of(required("harvester-jar")),
                Path.of(required("api-jar")),
                files.operatorKey(),
                true,
                new LocalStack.Ports(
                        envPort("ONEWINDOW_ES_PORT", 0),
                        envPort("ONEWINDOW_PG_PORT", 0),
                        envPort("ONEWINDOW_DEMO_PORT", 0),
                        envPort("ONEWINDOW_HARVESTER_PORT", 8081),
                        envPort("ONEWINDOW_API_PORT", 8080)));
    }

    /** stack.json: every component, where it runs, and for each supervised process its state as the supervisor knows it. */
    private ObjectNode describe(LocalStack stack, List<StackSupervisor.PartState> states) {
        ObjectNode root = JSON.createObjectNode();
        root.put("supervisorPid", ProcessHandle.current().pid());
        ArrayNode components = root.putArray("components");
        stack.components().values().forEach(c -> {
            ObjectNode component = components
                    .addObject()
                    .put("name", c.name())
                    .put("url", c.url())
                    .put("pid", c.pid());
            stack.entryPath(c.name()).ifPresent(path -> component.put("entryPath", path));
            states.stream()
                    .filter(state -> state.name().equals(c.name()))
                    .findFirst()
                    .ifPresent(state -> {
                        component
                                .put("state", state.up() ? "up" : "down")
                                .put("since", state.since().toString())
                                .put("restarts", state.restarts());
                        if (state.problem() != null) {
                            component.put("problem", state.problem());
                        }
                        if (state.nextAttempt() != null) {
                            component.put("nextAttempt", state.nextAttempt().toString());
                        }
                    });
        });
        return root;
    }

    private int down() {
        var supervisor = files.supervisor();
        if (supervisor.isEmpty() && files.stack().isEmpty()) {
            say("nothing is running");
            files.clear();
            return 0;
        }
        JsonNode stack = files.stack().orElse(JSON.createObjectNode());
        supervisor.ifPresent(process -> {
            say("stopping the stack (supervisor pid " + process.pid() + ") …");
            process.destroy();
            try {
                process.onExit().get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                say("the supervisor did not stop in time; stopping its parts directly");
                process.destroyForcibly();
            }
        });
        stopLeftovers(stack);
        files.clear();
        List<String> stillListening = new ArrayList<>();
        for (JsonNode component : stack.path("components")) {
            int port = URI.create(component.path("url").asText().replace("jdbc:", ""))
                    .getPort();
            if (port > 0 && Ports.isListening(port)) {
                stillListening.add(component.path("name").asText() + " on port " + port);
            }
        }
        if (!stillListening.isEmpty()) {
            throw new RuntimeEnvironmentException("still listening after down: " + String.join(", ", stillListening));
        }
        say("stopped; ports are free");
        return 0;
    }

    /** Stops what a supervisor that was killed could not stop itself. */
    private static void stopLeftovers(JsonNode stack) {
        long supervisorPid = stack.path("supervisorPid").asLong(-1);
        List<JsonNode> lastStartedFirst = new ArrayList<>();
        stack.path("components").forEach(c -> lastStartedFirst.add(0, c));
        for (JsonNode component : lastStartedFirst) {
            long pid = component.path("pid").asLong(-1);
            if (pid > 0
                    && pid != supervisorPid
                    && pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                say("stopping leftover " + component.path("name").asText() + " (pid " + pid + ")");
                Processes.stop(pid);
            }
        }
    }

    private int status() {
        var supervisor = files.supervisor();
        var stack = files.stack();
        if (supervisor.isEmpty()) {
            System.out.println("not running" + (stack.isPresent() ? " (stale state; ./onewindow down cleans it)" : ""));
            return stack.isPresent() ? 1 : 0;
        }
        if (stack.isEmpty()) {
            System.out.println(
                    "starting (supervisor pid " + supervisor.get().pid() + "); progress in " + relative(files.log()));
            return 0;
        }
        System.out.println(
                "running (supervisor pid " + supervisor.get().pid() + ", state in " + relative(files.state()) + ")");
        boolean anyDown = false;
        for (JsonNode component : stack.get().path("components")) {
            String name = component.path("name").asText();
            boolean supervised = component.has("state");
            boolean down = supervised
                    ? "down".equals(component.path("state").asText())
                            || !alive(component.path("pid").asLong(-1))
                    : !listening(component);
            anyDown |= down;
            String detail;
            if (down && "down".equals(component.path("state").asText())) {
                detail = "down since " + local(component.path("since").asText()) + " ("
                        + ago(component.path("since").asText()) + "): "
                        + component.path("problem").asText()
                        + (component.has("nextAttempt")
                                ? "; next start "
                                        + local(component.path("nextAttempt").asText())
                                : "");
            } else if (down) {
                detail = "down: its process (pid " + component.path("pid").asLong() + ") has just ended";
            } else {
                int restarts = component.path("restarts").asInt(0);
                detail = "pid " + component.path("pid").asLong()
                        + (restarts == 0
                                ? ""
                                : ", started again " + restarts + "× (up since "
                                        + local(component.path("since").asText()) + ")");
            }
            System.out.printf(
                    "  %-20s %-4s %-44s %s%n",
                    name, down ? "DOWN" : "up", component.path("url").asText(), detail);
        }
        return anyDown ? 1 : 0;
    }

    private static boolean listening(JsonNode component) {
        int port =
                URI.create(component.path("url").asText().replace("jdbc:", "")).getPort();
        return port > 0 && Ports.isListening(port);
    }

    private static String ago(String instant) {
        try {
            long seconds =
                    Duration.between(Instant.parse(instant), Instant.now()).toSeconds();
            return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** How many services the public API finds; a clear error when it cannot answer (a component is down). */
    private static long catalogueSize(String api) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api + "/api/v1/services?size=1"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new RuntimeEnvironmentException("the catalogue API answered " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length()))
                        + " (./onewindow status says what is down)");
            }
            return JSON.readTree(response.body()).path("total").asLong();
        } catch (IOException e) {
            throw new RuntimeEnvironmentException(
                    "the catalogue API at " + api + " cannot be reached: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + " (./onewindow status says what is down)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeEnvironmentException("interrupted", e);
        }
    }

    private static String url(JsonNode stack, String component) {
        for (JsonNode c : stack.path("components")) {
            if (component.equals(c.path("name").asText())) {
                return c.path("url").asText();
            }
        }
        throw new RuntimeEnvironmentException("the stack has no " + component);
    }

    /** Progress for the user; the supervisor marks its lines so {@code up} can relay them from its log. */
    private static void say(String line) {
        System.out.println((supervising ? "[onewindow] " : "") + line);
        System.out.flush();
    }

    private static String property(String name, String fallback) {
        return System.getProperty("onewindow-runtime." + name, fallback);
    }

    private static String required(String name) {
        String value = System.getProperty("onewindow-runtime." + name);
        if (value == null) {
            throw new RuntimeEnvironmentException("missing -Donewindow-runtime." + name + " (run through ./onewindow)");
        }
        return value;
    }

    private static int envPort(String variable, int fallback) {
        String value = System.getenv(variable);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new RuntimeEnvironmentException(variable + " must be a port number, got '" + value + "'");
        }
    }

    private static String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // polling the supervisor's progress file
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
