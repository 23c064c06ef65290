package org.onewindow.harvester.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.onewindow.mappings.html.DisplayHtml;
import org.onewindow.mappings.model.ServiceRecord;

/**
 * Cleans the HTML renditions of records stored before every rendition passed the display safelist: each record with
 * active HTML gets a new revision with its renditions cleaned (a version row naming {@code html}, an outbox entry),
 * so the index and the change feed follow like for any change. Runs at start-up while its maintenance task is pending.
 */
@ApplicationScoped
public class StoredRenditions {

    static final String TASK = "clean-html-renditions";
    private static final Logger LOG = Logger.getLogger(StoredRenditions.class);
    private static final int PAGE = 200;

    @Inject
    ObjectMapper json;

    /** Cleans every stored record once, if the task is pending; returns how many records got a new revision. */
    public int cleanIfPending() {
        boolean pending = QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.getEntityManager()
                                        .createNativeQuery(
                                                "select count(*) from maintenance_task where name = ?1 and done_at is null")
                                        .setParameter(1, TASK)
                                        .getSingleResult()
                                instanceof Number count
                        && count.longValue() > 0);
        if (!pending) {
            return 0;
        }
        int cleaned = 0;
        String after = "";
        while (true) {
            final String cursor = after;
            List<String> ids = QuarkusTransaction.requiringNew()
                    .call(() -> CatalogueRecord.getEntityManager()
                            .createNativeQuery(
                                    "select id from service_record where id > ?1 and document -> 'html' is not null order by id limit "
                                            + PAGE,
                                    String.class)
                            .setParameter(1, cursor)
                            .getResultList());
            if (ids.isEmpty()) {
                break;
            }
            cleaned += QuarkusTransaction.requiringNew().call(() -> {
                int changed = 0;
                for (String id : ids) {
                    changed += clean(CatalogueRecord.findById(id, LockModeType.PESSIMISTIC_WRITE)) ? 1 : 0;
                }
                return changed;
            });
            after = ids.get(ids.size() - 1);
        }
        QuarkusTransaction.requiringNew()
                .run(() -> CatalogueRecord.getEntityManager()
                        .createNativeQuery("update maintenance_task set done_at = now() where name = ?1")
                        .setParameter(1, TASK)
                        .executeUpdate());
        LOG.infof("stored HTML renditions checked: %d record(s) had active HTML and were cleaned", cleaned);
        return cleaned;
    }

    private boolean clean(CatalogueRecord record) {
        try {
            ObjectNode document = (ObjectNode) json.readTree(record.document);
            JsonNode html = document.path("html");
            if (!html.isObject() || allSafe(html)) {
                return false;
            }
            ObjectNode cleaned = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = html.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    cleaned.put(
                            field.getKey(), DisplayHtml.clean(field.getValue().asText(), record.url));
                }
            }
            document.set("html", cleaned);
            String text =
                    json.writeValueAsString(json.treeToValue(document, ServiceRecord.class)); // as a harvest writes it
            Instant now = Instant.now();
            record.revision++;
            record.document = text;
            record.contentHash = RecordStore.sha256(text);
            record.lastChanged = now;
            record.persist();
            ChangeSet.version(record, StagedChange.Kind.UPDATED, "html", text, null, now);
            OutboxEntry.enqueue(record.id, OutboxEntry.Operation.INDEX);
            return true;
        } catch (JsonProcessingException e) {
            LOG.errorf(
                    "record %s: stored document unreadable, renditions not checked: %s",
                    record.id, e.getOriginalMessage());
            return false;
        }
    }

    private static boolean allSafe(JsonNode html) {
        List<String> values = new ArrayList<>();
        html.elements().forEachRemaining(value -> values.add(value.isTextual() ? value.asText() : "<script></script>"));
        return values.stream().allMatch(DisplayHtml::isSafe);
    }
}
