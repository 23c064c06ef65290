package org.onewindow.harvester.fetch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run's (or dry-run's) dealings with its source's site: the source's delay between two requests, whether it may
 * reach private addresses, and what the
 * run cost the site (requests, bytes, answers of 304).
 */
public final class FetchSession {

    private final long delayMillis;
    private final boolean allowPrivateNetworks;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger notModified = new AtomicInteger();

    /** @param allowPrivateNetworks the source may fetch from loopback and private addresses */
    public FetchSession(long delayMillis, boolean allowPrivateNetworks) {
        this.delayMillis = delayMillis;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    public long delayMillis() {
        return delayMillis;
    }

    public boolean allowPrivateNetworks() {
        return allowPrivateNetworks;
    }

    void counted(FetchOutcome outcome) {
        requests.incrementAndGet();
        if (outcome instanceof FetchOutcome.Fetched fetched) {
            bytes.addAndGet(fetched.page().body().length);
            if (fetched.page().status() == 304) {
                notModified.incrementAndGet();
            }
        }
    }

    public int requests() {
        return requests.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public int notModified() {
        return notModified.get();
    }
}
