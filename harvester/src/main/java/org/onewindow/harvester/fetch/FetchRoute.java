package org.onewindow.harvester.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * Fetches a page as a guest should: only what robots.txt allows and never an address the source may not reach; one
 * request at a time per host after the host's delay (the source's, or a longer Crawl-delay) through {@link HostGate};
 * a transient failure (no answer, cut-off body, 5xx, 429/503) fetched again by Camel's redelivery, after exponential
 * backoff with jitter or after the host's Retry-After up to a cap. Body in: a {@link FetchRequest}; out: the
 * {@link FetchOutcome} of the last attempt.
 */
@ApplicationScoped
public class FetchRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:fetch";
    private static final String REQUEST = "onewindow.fetch";
    private static final String DELAY = "onewindow.fetch.delay";

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

    /** An attempt worth repeating; its outcome stands when no attempt is left. */
    static final class Retry extends RuntimeException {
        final FetchOutcome outcome;

        Retry(FetchOutcome outcome) {
            super("transient", null, false, false);
            this.outcome = outcome;
        }
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its nesting
        onException(Retry.class)
                .maximumRedeliveries(Math.max(0, config.harvest().retries()))
                .redeliveryDelay(config.harvest().backoff().toMillis()) // each attempt sets its own (Exchange.REDELIVERY_DELAY)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false)
                .continued(true) // the caller goes on with the last attempt's outcome (handled would end the caller's route too)
                .process(exchange -> exchange.getMessage().setBody(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Retry.class).outcome));

        from(ENDPOINT).routeId("fetch")
                .process(this::admit)
                .filter(exchangeProperty(DELAY).isNotNull())
                    .process(this::attempt)
                .end();
        // spotless:on
    }

    /** Refuses what the source may not fetch (not even its robots.txt is asked then); else sets the host's delay. */
    private void admit(Exchange exchange) {
        FetchRequest fetch = exchange.getMessage().getBody(FetchRequest.class);
        exchange.setProperty(REQUEST, fetch);
        String url = fetch.url();
        FetchSession session = fetch.session();
        Optional<String> refusal = session.secrets().refusal(url).or(() -> guard.refusal(url, session));
        if (refusal.isPresent()) {
            exchange.getMessage().setBody(new FetchOutcome.Failed(url, "refused: " + refusal.get(), false));
            return;
        }
        RobotsRules.Verdict verdict = robots.check(url, session);
        if (!verdict.allowed()) {
            exchange.getMessage().setBody(new FetchOutcome.Failed(url, "refused: " + verdict.reason(), false));
            return;
        }
        exchange.setProperty(DELAY, Math.max(session.delayMillis(), verdict.crawlDelayMillis()));
    }

    /** One request on the host's turn; throws {@link Retry} with the wait before the next attempt when one is due. */
    private void attempt(Exchange exchange) {
        FetchRequest fetch = exchange.getProperty(REQUEST, FetchRequest.class);
        int attempt = 1 + exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        String url = fetch.url();
        FetchOutcome outcome = gate.withTurn(
                url,
                exchange.getProperty(DELAY, Long.class),
                () -> fetcher.fetch(
                        fetch.call(), fetch.session(), fetch.session().secrets()));
        fetch.session().counted(outcome);
        exchange.getMessage().setBody(outcome);
        if (outcome instanceof FetchOutcome.Failed failed) {
            if (failed.retryable()) {
                throw retryAfter(exchange, outcome, backoff(attempt));
            }
            return;
        }
        int status = ((FetchOutcome.Fetched) outcome).page().status();
        if (status == 429 || status == 503) {
            Duration wait = retryAfter(((FetchOutcome.Fetched) outcome).retryAfter());
            if (wait == null) {
                throw retryAfter(exchange, outcome, backoff(attempt));
            }
            if (wait.compareTo(config.harvest().maxRetryAfter()) > 0) {
                exchange.getMessage()
                        .setBody(new FetchOutcome.Failed(
                                url,
                                "HTTP " + status + " with Retry-After of " + wait.toSeconds() + " s, longer than the "
                                        + config.harvest().maxRetryAfter().toSeconds() + " s we wait",
                                false));
                return;
            }
            gate.restUntil(url, System.currentTimeMillis() + wait.toMillis()); // the host's turn comes no earlier
            throw retryAfter(exchange, outcome, 0);
        }
        if (status == 500 || status == 502 || status == 504) {
            throw retryAfter(exchange, outcome, backoff(attempt));
        }
    }

    private static Retry retryAfter(Exchange exchange, FetchOutcome outcome, long delayMillis) {
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delayMillis);
        return new Retry(outcome);
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
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
