package org.onewindow.catalogue.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client ({@code burst} at once, refilled at {@code perSecond}), for at most {@code maxClients}
 * clients: past that, the client seen least recently is forgotten (its next request starts a full bucket). No other
 * client loses its state, so a flood of new addresses cannot reset the clients being limited. In memory only.
 */
public final class TokenBuckets {

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets;

    public TokenBuckets(double perSecond, int burst, int maxClients) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /**
     * Takes one token from the client's bucket at {@code nanos} (a {@link System#nanoTime()} reading).
     *
     * @return 0 when the request may go ahead, otherwise the seconds until the bucket holds a token again
     */
    public synchronized double take(String client, long nanos) {
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nanos));
        bucket.tokens = Math.min(burst, bucket.tokens + (nanos - bucket.refilledAt) / 1e9 * perSecond);
        bucket.refilledAt = nanos;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return (1 - bucket.tokens) / perSecond;
    }

    public synchronized int clients() {
        return buckets.size();
    }
}
