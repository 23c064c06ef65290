package org.onewindow.harvester.fetch;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.onewindow.harvester.config.HarvesterConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fetches as a guest should: only what robots.txt allows, one request at a time per host after the host's delay
 * (the source's, or a longer Crawl-delay), Retry-After honoured on 429/503 up to a cap, and transient failures
 * (no answer, cut-off body, 5xx) retried with exponential backoff and jitter.
 */
@ApplicationScoped
public class PoliteFetcher {

    @Inject
    UrlGuard guard;

    @Inject
    RobotsRules robots;

    @Inject
    HostGate gate;

    @Inject
    PageFetcher fetcher;

    @Inject
    HarvesterConfig config;

    public FetchOutcome fetch(FetchCall call, FetchSession session) {
        String url = call.request().url();
        Optional<String> refusal = session.secrets().refusal(url).or(() -> guard.refusal(url, session.allowPrivateNetworks()));
        if (refusal.isPresent()) {
            return new FetchOutcome.Failed(url, "refused: " + refusal.get(), false); // not even its robots.txt is asked
        }
        RobotsRules.Verdict verdict = robots.check(url, session);
        if (!verdict.allowed()) {
            return new FetchOutcome.Failed(url, "refused: " + verdict.reason(), false);
        }
        long delay = Math.max(session.delayMillis(), verdict.crawlDelayMillis());
        int attempts = 1 + Math.max(0, config.harvest().retries());
        FetchOutcome outcome = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            outcome = gate.withTurn(url, delay, () -> fetcher.fetch(call, session.allowPrivateNetworks(), session.secrets()));
            session.counted(outcome);
            if (attempt == attempts) {
                break;
            }
            if (outcome instanceof FetchOutcome.Failed failed) {
                if (!failed.retryable()) {
                    return outcome;
                }
                HostGate.pause(backoff(attempt));
                continue;
            }
            FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) outcome;
            int status = fetched.page().status();
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(fetched.retryAfter());
                if (wait == null) {
                    HostGate.pause(backoff(attempt));
                    continue;
                }
                if (wait.compareTo(config.harvest().maxRetryAfter()) > 0) {
                    return new FetchOutcome.Failed(url, "HTTP " + status + " with Retry-After of " + wait.toSeconds()
                            + " s, longer than the " + config.harvest().maxRetryAfter().toSeconds() + " s we wait", false);
                }
                gate.restUntil(url, System.currentTimeMillis() + wait.toMillis());
                continue;
            }
            if (status == 500 || status == 502 || status == 504) {
                HostGate.pause(backoff(attempt));
                continue;
            }
            return outcome;
        }
        return outcome;
    }

    /** Exponential backoff with full jitter: base × 2^(attempt−1), plus up to as much again at random. */
    private long backoff(int attempt) {
        long base = config.harvest().backoff().toMillis() << Math.min(attempt - 1, 10);
        return base + ThreadLocalRandom.current().nextLong(base + 1);
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
