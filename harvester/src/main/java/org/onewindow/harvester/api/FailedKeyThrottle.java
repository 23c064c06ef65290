package org.onewindow.harvester.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Slows down guessing of operator keys: a client that presented wrong keys {@link #ALLOWED_FAILURES} times is turned
 * away for a while (one more attempt every {@link #REFILL_SECONDS} s), whatever key it presents next. Clients are kept
 * in a bounded least-recently-used table, so a flood of addresses cannot grow memory; an evicted client just starts
 * afresh.
 */
@ApplicationScoped
public class FailedKeyThrottle {

    static final int ALLOWED_FAILURES = 10;
    static final long REFILL_SECONDS = 6;
    static final int MAX_CLIENTS = 10_000;

    private final LongSupplier nanoTime;
    private final Map<String, Allowance> clients = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Allowance> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    private static final class Allowance {
        double attempts = ALLOWED_FAILURES;
        long refilledAt;
    }

    public FailedKeyThrottle() {
        this(System::nanoTime);
    }

    FailedKeyThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Seconds the client must wait before its next attempt; empty when it may try now. */
    public synchronized OptionalLong waitFor(String client) {
        Allowance allowance = clients.get(client);
        if (allowance == null) {
            return OptionalLong.empty();
        }
        refill(allowance);
        if (allowance.attempts >= 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - allowance.attempts) * REFILL_SECONDS)));
    }

    /** The client presented a wrong key. */
    public synchronized void failed(String client) {
        Allowance allowance = clients.computeIfAbsent(client, c -> {
            Allowance fresh = new Allowance();
            fresh.refilledAt = nanoTime.getAsLong();
            return fresh;
        });
        refill(allowance);
        allowance.attempts = Math.max(0, allowance.attempts - 1);
    }

    private void refill(Allowance allowance) {
        long now = nanoTime.getAsLong();
        allowance.attempts =
                Math.min(ALLOWED_FAILURES, allowance.attempts + (now - allowance.refilledAt) / 1e9 / REFILL_SECONDS);
        allowance.refilledAt = now;
    }

    /** Forgets every client (tests that guessed on purpose clean up after themselves). */
    synchronized void forgetAll() {
        clients.clear();
    }
}
