package org.onewindow.harvester.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * Pinged pages per agency and minute ({@code onewindow.push.pages-per-minute}): a token bucket per agency holding a
 * minute's pages, refilled continuously. A ping asking for more pages than the bucket holds is refused whole.
 */
@ApplicationScoped
public class PingRateLimit {

    @Inject
    HarvesterConfig config;

    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double pages;
        long refilledAt;
    }

    public PingRateLimit() {
        this(System::nanoTime);
    }

    PingRateLimit(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes the pages from the agency's bucket; else the seconds until they would be there, taking nothing. */
    public OptionalLong take(String agency, int pages) {
        return take(agency, pages, config.push().pagesPerMinute());
    }

    synchronized OptionalLong take(String agency, int pages, int perMinute) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(agency, a -> {
            Bucket fresh = new Bucket();
            fresh.pages = perMinute;
            fresh.refilledAt = now;
            return fresh;
        });
        bucket.pages = Math.min(perMinute, bucket.pages + (now - bucket.refilledAt) / 60e9 * perMinute);
        bucket.refilledAt = now;
        if (bucket.pages >= pages) {
            bucket.pages -= pages;
            return OptionalLong.empty();
        }
        double missing = pages - bucket.pages;
        return OptionalLong.of(Math.max(1, (long) Math.ceil(missing / perMinute * 60)));
    }
}
