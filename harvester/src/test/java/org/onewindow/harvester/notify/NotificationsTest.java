package org.onewindow.harvester.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.harvester.TestMappings.mohwWelfareAs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.publish.PublishLag;
import org.onewindow.harvester.signals.CatalogueState;
import org.onewindow.harvester.store.Notification;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * Notifications: a held run, a source turning red and green again, publishing lagging and catching up, each recorded
 * once and POSTed to the webhook signed with HMAC-SHA256, retried until the receiver takes it.
 */
@QuarkusTest
@TestProfile(NotificationsTest.WithAWebhook.class)
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class NotificationsTest {

    static final String SECRET = "a-webhook-secret-of-the-operators-0123456789";

    public static class WithAWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "onewindow.signals.webhook-url",
                    WebhookReceiver.get().url(),
                    "onewindow.signals.webhook-secret",
                    SECRET,
                    "onewindow.signals.webhook-retry-after",
                    "1s",
                    // the test calls the watch itself, with the states it needs
                    "onewindow.signals.watch-interval",
                    "1h");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELD_SOURCE = "notify-held";

    @Inject
    SignalWatch watch;

    @AfterEach
    void theSiteIsItselfAgain() {
        AgencySiteDouble.removeTestStubs();
    }

    @Test
    void aHeldRunIsPostedSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
        OperatorCalls.operator()
                .contentType("application/yaml")
                .body(mohwWelfareAs(HELD_SOURCE, "0 0 3 * * ?")
                        .replace("code: \"1352000\"", "code: \"9990021\"")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true, \"reviewThreshold\": 0.05}")
                .put("/api/v1/sources/{id}/settings", HELD_SOURCE)
                .then()
                .statusCode(200);
        assertThat(OperatorCalls.runToEnd(HELD_SOURCE).getString("status")).isEqualTo("succeeded");
        for (DemoService service : DemoAgencySite.services().subList(0, 5)) {
            AgencySiteDouble.changeTitle(service, service.name() + " 개정판");
        }
        WebhookReceiver receiver = WebhookReceiver.get();
        receiver.refuseNext.set(1);

        long heldId = OperatorCalls.runToEnd(HELD_SOURCE).getLong("id");

        List<WebhookReceiver.Delivery> ofTheRun = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> receiver.deliveries.stream()
                                .filter(delivery -> delivery.body().contains("\"runId\":" + heldId))
                                .toList(),
                        deliveries -> deliveries.size() == 2);
        assertThat(ofTheRun).extracting(WebhookReceiver.Delivery::answered).containsExactly(500, 204);
        WebhookReceiver.Delivery taken = ofTheRun.get(1);
        assertThat(taken.header("X-OneWindow-Event")).isEqualTo("run.held");
        assertSigned(taken);
        JsonNode body = JSON.readTree(taken.body());
        assertThat(body.path("sourceId").asText()).isEqualTo(HELD_SOURCE);
        assertThat(body.path("console").asText()).isEqualTo("/console/runs/" + heldId);
        assertThat(body.path("details").path("updated").asInt()).isEqualTo(5);

        Notification stored = await().atMost(Duration.ofSeconds(10))
                .until(() -> notificationOfRun(heldId), n -> n.delivery == Notification.Delivery.DELIVERED);
        assertThat(stored.attempts).isEqualTo(2);
    }

    @Test
    void aSourceTurningRedAndPublishingLaggingAreNotifiedOnceEachAndTheirRecoveryToo() {
        String source = "notify-watched-" + System.nanoTime();
        long before = lastId();
        CatalogueState.Snapshot healthy = snapshot(List.of(), 0);
        CatalogueState.Snapshot red = snapshot(List.of(source), 0);
        CatalogueState.Snapshot lagging =
                snapshot(List.of(), Duration.ofMinutes(20).toSeconds());

        watch.observe(healthy, List.of(source)); // first seen green: news to nobody
        watch.observe(red, List.of(source));
        watch.observe(red, List.of(source)); // still red: said once
        watch.observe(healthy, List.of(source));
        watch.observe(lagging, List.of(source));
        watch.observe(lagging, List.of(source));
        watch.observe(healthy, List.of(source));

        List<Notification> made = QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>list(
                        "id > ?1 and (sourceId = ?2 or event in ?3) order by id",
                        before,
                        source,
                        List.of(Notification.Event.PUBLISH_LAGGING, Notification.Event.PUBLISH_CAUGHT_UP)));
        assertThat(made)
                .extracting(n -> n.event)
                .containsExactly(
                        Notification.Event.SOURCE_RED,
                        Notification.Event.SOURCE_RECOVERED,
                        Notification.Event.PUBLISH_LAGGING,
                        Notification.Event.PUBLISH_CAUGHT_UP);
        assertThat(made.get(0).sourceId).isEqualTo(source);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WebhookReceiver.get().deliveries.stream()
                        .anyMatch(delivery -> "publish.lagging".equals(delivery.header("X-OneWindow-Event"))));
        WebhookReceiver.get().deliveries.stream()
                .filter(delivery -> "publish.lagging".equals(delivery.header("X-OneWindow-Event")))
                .forEach(NotificationsTest::assertSigned);
    }

    private static void assertSigned(WebhookReceiver.Delivery delivery) {
        String signature = delivery.header(WebhookSignature.HEADER);
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        long time = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(Math.abs(Instant.now().getEpochSecond() - time)).isLessThan(120);
        assertThat(signature.substring(signature.indexOf("v1=") + 3))
                .as("HMAC-SHA256 of <t>.<body> with the shared secret")
                .isEqualTo(WebhookSignature.hmac(SECRET, time + "." + delivery.body()));
    }

    private static CatalogueState.Snapshot snapshot(List<String> red, long oldestSeconds) {
        PublishLag.Lag lag = oldestSeconds == 0
                ? new PublishLag.Lag(0, null)
                : new PublishLag.Lag(42, Duration.ofSeconds(oldestSeconds));
        return new CatalogueState.Snapshot(Instant.now(), lag, 0, 0, red);
    }

    private static Notification notificationOfRun(long runId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>find("runId", runId).firstResult());
    }

    private static long lastId() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long last = Notification.getEntityManager()
                    .createQuery("select max(n.id) from Notification n", Long.class)
                    .getSingleResult();
            return last == null ? 0L : last;
        });
    }
}
