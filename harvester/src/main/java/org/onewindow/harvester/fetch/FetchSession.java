package org.onewindow.harvester.fetch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run's (or dry-run's) dealings with its source's site: the source's delay between two requests, whether it may
 * reach private addresses, which secrets its requests may carry where, and what the run cost the site (requests,
 * bytes, answers of 304).
 */
public final class FetchSession {

    private final long delayMillis;
    private final boolean allowPrivateNetworks;
    private final String howToAllowPrivateNetworks;
    private final RequestSecrets secrets;
    private final Runnable onAnswer;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger notModified = new AtomicInteger();

    /** @param allowPrivateNetworks the source may fetch from loopback and private addresses */
    public FetchSession(long delayMillis, boolean allowPrivateNetworks) {
        this(delayMillis, allowPrivateNetworks, RequestSecrets.NONE);
    }

    /** @param secrets the secrets the session's requests may carry, and where to */
    public FetchSession(long delayMillis, boolean allowPrivateNetworks, RequestSecrets secrets) {
        this(delayMillis, allowPrivateNetworks, secrets, () -> {});
    }

    /** @param onAnswer told of every request that ended (an answer or a failure): the run is alive */
    public FetchSession(long delayMillis, boolean allowPrivateNetworks, RequestSecrets secrets, Runnable onAnswer) {
        this(delayMillis, allowPrivateNetworks, "the configuration allows it", secrets, onAnswer);
    }

    /** @param howToAllowPrivateNetworks the setting that would allow a private address refused, told with the refusal */
    public FetchSession(
            long delayMillis,
            boolean allowPrivateNetworks,
            String howToAllowPrivateNetworks,
            RequestSecrets secrets,
            Runnable onAnswer) {
        this.delayMillis = delayMillis;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.howToAllowPrivateNetworks = howToAllowPrivateNetworks;
        this.secrets = secrets;
        this.onAnswer = onAnswer;
    }

    public RequestSecrets secrets() {
        return secrets;
    }

    public long delayMillis() {
        return delayMillis;
    }

    public boolean allowPrivateNetworks() {
        return allowPrivateNetworks;
    }

    public String howToAllowPrivateNetworks() {
        return howToAllowPrivateNetworks;
    }

    void counted(FetchOutcome outcome) {
        onAnswer.run();
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
