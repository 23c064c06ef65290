package org.onewindow.harvester.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.store.Notification;

/**
 * POSTs pending notifications to {@code onewindow.signals.webhook-url}, signed ({@link WebhookSignature}); a delivery
 * that gets no 2xx is tried again after {@code webhook-retry-after}, doubling up to an hour, until
 * {@code webhook-attempts} attempts failed. Instances share the work: each claims due notifications with a lease
 * (SKIP LOCKED), so one notification is sent by one instance at a time.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 20;

    @Inject
    HarvesterConfig config;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A webhook without a usable secret would send unsigned notifications: refuse to start instead. */
    void checkSettings(@Observes StartupEvent started) {
        if (config.signals().webhookUrl().isEmpty()) {
            return;
        }
        URI url = URI.create(config.signals().webhookUrl().get());
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalStateException("onewindow.signals.webhook-url must be an http(s) URL, not " + url);
        }
        if (config.signals().webhookSecret().map(String::length).orElse(0) < 32) {
            throw new IllegalStateException(
                    "onewindow.signals.webhook-secret (ONEWINDOW_SIGNALS_WEBHOOK_SECRET) must be"
                            + " set, at least 32 characters, when a webhook URL is: notifications are signed with it"
                            + " (openssl rand -base64 32 makes one)");
        }
    }

    @Scheduled(
            identity = "webhook-send",
            every = "5s",
            delayed = "5s",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        if (config.signals().webhookUrl().isEmpty()) {
            return;
        }
        try {
            for (long id : claimDue()) {
                send(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf("notifications not sent this time: %s", e.getMessage());
        }
    }

    /** Due notifications, leased to this instance: another claims them only once the lease ran out. */
    @SuppressWarnings("unchecked")
    private List<Long> claimDue() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((List<Number>) Notification.getEntityManager()
                                .createNativeQuery(
                                        "update notification set next_attempt_at = now() + make_interval(secs"
                                                + " => ?1) where id in (select id from notification where delivery = 'PENDING'"
                                                + " and next_attempt_at <= now() order by id limit ?2 for update skip locked)"
                                                + " returning id")
                                .setParameter(1, LEASE.toSeconds())
                                .setParameter(2, BATCH)
                                .getResultList())
                        .stream().map(Number::longValue).sorted().toList());
    }

    private void send(long id) {
        Notification notification =
                QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id));
        String failure = deliver(notification);
        QuarkusTransaction.requiringNew().run(() -> {
            Notification row = Notification.findById(id);
            row.attempts++;
            if (failure == null) {
                row.delivery = Notification.Delivery.DELIVERED;
                row.deliveredAt = Instant.now();
                row.nextAttemptAt = null;
                row.lastError = null;
                return;
            }
            row.lastError = failure;
            if (row.attempts >= config.signals().webhookAttempts()) {
                row.delivery = Notification.Delivery.FAILED;
                row.nextAttemptAt = null;
                LOG.warnf(
                        "notification %d (%s) not delivered after %d attempts: %s",
                        id, row.event.wireName(), row.attempts, failure);
            } else {
                row.nextAttemptAt = Instant.now().plus(backoff(row.attempts));
            }
        });
    }

    /** Null when the receiver took it (2xx), else why not. */
    private String deliver(Notification notification) {
        long now = Instant.now().getEpochSecond();
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(config.signals().webhookUrl().orElseThrow()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "OneWindow-harvester")
                            .header("X-OneWindow-Event", notification.event.wireName())
                            .header("X-OneWindow-Delivery", Long.toString(notification.id))
                            .header(
                                    WebhookSignature.HEADER,
                                    WebhookSignature.of(
                                            config.signals().webhookSecret().orElseThrow(), now, notification.payload))
                            .POST(HttpRequest.BodyPublishers.ofString(notification.payload, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? null : "HTTP " + answer.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private Duration backoff(int attempts) {
        Duration wait = config.signals().webhookRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 16));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
