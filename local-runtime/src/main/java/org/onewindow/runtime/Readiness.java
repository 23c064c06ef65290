package org.onewindow.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a started process's health URLs until one answers 200, the process dies, or time runs out. */
final class Readiness {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {}

    /**
     * @param what    the component, for messages
     * @param alive   whether its process still runs
     * @param logTail the end of its log, for the failure message
     */
    static void await(String what, URI health, Duration timeout, BooleanSupplier alive, Supplier<String> logTail) {
        await(what, List.of(health), timeout, alive, logTail);
    }

    /** @param health where it may answer: ready when any of them says so */
    static void await(
            String what, List<URI> health, Duration timeout, BooleanSupplier alive, Supplier<String> logTail) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                throw new RuntimeEnvironmentException(what + " exited while starting\n" + logTail.get());
            }
            for (URI uri : health) {
                try {
                    HttpResponse<String> response = CLIENT.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    last = uri + ": " + response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = uri + ": " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RuntimeEnvironmentException("interrupted while waiting for " + what, e);
                }
            }
            try {
                Thread.sleep(250); // polling another process; there is nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeEnvironmentException("interrupted while waiting for " + what, e);
            }
        }
        throw new RuntimeEnvironmentException(
                what + " not ready within " + timeout.toSeconds() + " s (" + last + ")\n" + logTail.get());
    }
}
