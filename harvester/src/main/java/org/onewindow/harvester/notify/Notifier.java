package org.onewindow.harvester.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.store.Notification;

/**
 * Records a notification in the caller's transaction (so a held run and its notification commit together), pending
 * delivery when a webhook is configured ({@link WebhookSender} sends it), else kept for the console only.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    @Inject
    HarvesterConfig config;

    @Inject
    ObjectMapper json;

    /** @param details further facts for the webhook's receiver (numbers, reasons), by name */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification record(
            Notification.Event event, String sourceId, Long runId, String summary, Map<String, Object> details) {
        Instant now = Instant.now();
        Notification notification = new Notification();
        notification.event = event;
        notification.sourceId = sourceId;
        notification.runId = runId;
        notification.summary = summary;
        notification.createdAt = now;
        notification.payload = payload(event, sourceId, runId, summary, details, now);
        if (config.signals().webhookUrl().isPresent()) {
            notification.delivery = Notification.Delivery.PENDING;
            notification.nextAttemptAt = now;
        } else {
            notification.delivery = Notification.Delivery.NOT_SENT;
        }
        notification.persist();
        LOG.infof("notification %s: %s", event.wireName(), summary);
        return notification;
    }

    private String payload(
            Notification.Event event,
            String sourceId,
            Long runId,
            String summary,
            Map<String, Object> details,
            Instant at) {
        ObjectNode body = json.createObjectNode();
        body.put("event", event.wireName());
        body.put("at", at.toString());
        body.put("summary", summary);
        if (sourceId != null) {
            body.put("sourceId", sourceId);
            body.put("console", "/console/sources/" + sourceId);
        }
        if (runId != null) {
            body.put("runId", runId);
            body.put("console", "/console/runs/" + runId);
        }
        body.set("details", json.valueToTree(details));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not serialisable", e);
        }
    }
}
