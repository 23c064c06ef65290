package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs wrk (Debian's package) over a file of requests with the benchmark's script and reads its result line. */
final class Wrk {

    /** One wrk run: latencies in milliseconds, errors of every kind (connection, read, write, non-2xx/3xx, timeout). */
    record Result(
            String target,
            String mix,
            String load,
            long requests,
            double seconds,
            double p50,
            double p90,
            double p99,
            double max,
            long errors) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path script;
    private final int threads;
    private final int connections;
    private final Duration duration;

    Wrk(Path script, int threads, int connections, Duration duration) {
        this.script = script;
        this.threads = threads;
        this.connections = connections;
        this.duration = duration;
    }

    static void requireInstalled() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As fast as answers come back: the most the target can serve. */
    Result saturate(String target, String mix, String baseUrl, Path requests, Duration length)
            throws IOException, InterruptedException {
        return run(target, mix, "saturated", baseUrl, requests, length, 0);
    }

    /** A steady {@code perSecond} requests a second, below saturation: latency under a given load. */
    Result pace(String target, String mix, String baseUrl, Path requests, int perSecond)
            throws IOException, InterruptedException {
        return run(target, mix, perSecond + "/s", baseUrl, requests, duration, perSecond);
    }

    Result saturate(String target, String mix, String baseUrl, Path requests) throws IOException, InterruptedException {
        return saturate(target, mix, baseUrl, requests, duration);
    }

    private Result run(
            String target, String mix, String load, String baseUrl, Path requests, Duration length, int perSecond)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + length.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                baseUrl,
                "--",
                requests.toString(),
                Double.toString((double) perSecond / threads));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed (" + String.join(" ", command) + "):\n" + output);
        }
        String line = output.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new IOException("wrk printed no result:\n" + output));
        JsonNode result = JSON.readTree(line.substring("RESULT ".length()));
        long errors = result.path("connectErrors").asLong()
                + result.path("readErrors").asLong()
                + result.path("writeErrors").asLong()
                + result.path("statusErrors").asLong()
                + result.path("timeouts").asLong();
        return new Result(
                target,
                mix,
                load,
                result.path("requests").asLong(),
                result.path("durationMicros").asLong() / 1e6,
                result.path("p50").asLong() / 1000.0,
                result.path("p90").asLong() / 1000.0,
                result.path("p99").asLong() / 1000.0,
                result.path("max").asLong() / 1000.0,
                errors);
    }
}
