package org.onewindow.harvester.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One connection per host, across every run of this harvester: a request to a host waits for the previous one to
 * end and for the host's delay (the source's, or a longer Crawl-delay / Retry-After) to pass.
 */
@ApplicationScoped
public class HostGate {

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile long nextAllowedMillis;
    }

    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

    /** Runs {@code request} when it is the host's turn; the host then rests {@code delayMillis}. */
    public <T> T withTurn(String url, long delayMillis, Supplier<T> request) {
        Host host = hosts.computeIfAbsent(hostKey(url), key -> new Host());
        try {
            host.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the host", e);
        }
        try {
            pause(host.nextAllowedMillis - System.currentTimeMillis());
            try {
                return request.get();
            } finally {
                host.nextAllowedMillis = Math.max(host.nextAllowedMillis, System.currentTimeMillis() + delayMillis);
            }
        } finally {
            host.lock.unlock();
        }
    }

    /** The host asked us to come back later (Retry-After): nobody fetches from it before then. */
    public void restUntil(String url, long epochMillis) {
        Host host = hosts.computeIfAbsent(hostKey(url), key -> new Host());
        host.nextAllowedMillis = Math.max(host.nextAllowedMillis, epochMillis);
    }

    static String hostKey(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis); // crawl manners: the wait itself is the point
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
