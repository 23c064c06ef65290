package org.onewindow.harvester.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.DeadLetter;
import org.onewindow.harvester.store.OutboxEntry;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.mappings.index.ServiceIndex;

/**
 * Drains the outbox into Elasticsearch with bulk requests. Writes carry the record's revision as an external
 * version, so replays are harmless and an older write never overwrites a newer one. Entries whose write failed
 * stay in the outbox for the next attempt, unless Elasticsearch refused the document itself (a 400: it breaks the
 * index mapping), which no retry would change: those go to the dead letters ({@link DeadLetter}) so that every other
 * change keeps flowing, in incremental publishing and full reindex alike.
 */
@ApplicationScoped
public class CataloguePublisher {

    /**
     * What one drain did: {@code failures} are per-document messages of writes that stay queued (to be tried again);
     * {@code deadLettered} writes were refused for good and moved to the dead letters.
     */
    public record Result(int published, List<String> failures, int deadLettered) {}

    private static final Logger LOG = Logger.getLogger(CataloguePublisher.class);

    @Inject
    RestClient elasticsearch;

    @Inject
    CatalogueIndex index;

    @Inject
    ObjectMapper json;

    @Inject
    HarvesterConfig config;

    /**
     * Makes the index hold what PostgreSQL holds: when the counts differ (the index was lost or restored from an
     * older snapshot), every active record is queued again; versions make the replay harmless.
     */
    public synchronized Result reconcile() throws IOException {
        index.ensureExists();
        long active = QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.count("status", RecordStatus.ACTIVE)
                        - DeadLetter.activeRecordsRefused()); // not in the index, and rightly so until retried
        Response count = elasticsearch.performRequest(new Request("GET", "/" + ServiceIndex.ALIAS + "/_count"));
        long indexed =
                json.readTree(count.getEntity().getContent()).path("count").asLong();
        if (indexed != active) {
            int queued = QuarkusTransaction.requiringNew().call(OutboxEntry::enqueueAllActive);
            LOG.infof(
                    "index holds %d services, PostgreSQL %d: %d active records queued for publishing",
                    indexed, active, queued);
        }
        return publishPending();
    }

    /**
     * Full reindex: copies every active record from PostgreSQL into a fresh index, then moves the alias to it in one
     * step, so searches never see a missing or half-filled index. Changes made meanwhile wait in the outbox and are
     * published into the new index right after. A document Elasticsearch refuses goes to the dead letters and the
     * reindex goes on; any other failure abandons it before the alias moves. Returns how many services the new index
     * holds.
     */
    public synchronized int rebuild() throws IOException {
        String fresh = index.createFresh();
        int copied = 0;
        String after = "";
        while (true) {
            final String cursor = after;
            List<CatalogueRecord> page = QuarkusTransaction.requiringNew()
                    .call(() -> CatalogueRecord.<CatalogueRecord>find(
                                    "status = ?1 and id > ?2 order by id", RecordStatus.ACTIVE, cursor)
                            .page(0, config.harvest().publishBatchSize())
                            .list());
            if (page.isEmpty()) {
                break;
            }
            StringBuilder bulk = new StringBuilder();
            for (CatalogueRecord record : page) {
                ObjectNode action = json.createObjectNode();
                action.putObject("index")
                        .put("_index", fresh)
                        .put("_id", record.id)
                        .put("version", record.revision)
                        .put("version_type", "external_gte");
                bulk.append(action)
                        .append('\n')
                        .append(ServiceIndex.indexDocument(json, record.document))
                        .append('\n');
            }
            Request request = new Request("POST", "/_bulk");
            request.setJsonEntity(bulk.toString());
            JsonNode items = json.readTree(
                            elasticsearch.performRequest(request).getEntity().getContent())
                    .path("items");
            for (int i = 0; i < page.size(); i++) {
                JsonNode result = itemResult(items, i);
                if (isRefused(result)) {
                    deadLetter(null, page.get(i), result);
                } else if (!isWritten(result)) {
                    elasticsearch.performRequest(new Request("DELETE", "/" + fresh));
                    throw new IOException("reindex abandoned, the alias was not moved: " + page.get(i).id + ": "
                            + DeadLetter.abbreviate(result == null ? "no result" : result.toString(), 500));
                } else {
                    copied++;
                }
            }
            after = page.get(page.size() - 1).id;
        }
        elasticsearch.performRequest(new Request("POST", "/" + fresh + "/_refresh"));
        index.swapTo(fresh);
        LOG.infof("reindexed %d services from PostgreSQL into %s", copied, fresh);
        publishPending();
        return copied;
    }

    public synchronized Result publishPending() throws IOException {
        if (index.ensureExists()) {
            int queued = QuarkusTransaction.requiringNew().call(OutboxEntry::enqueueAllActive);
            LOG.infof(
                    "index %s was (re)created: %d active records queued for publishing from PostgreSQL",
                    ServiceIndex.INDEX, queued);
        }
        int published = 0;
        List<String> failures = new ArrayList<>();
        List<String> deadLettered = new ArrayList<>();
        long after = 0;
        while (true) {
            final long cursor = after;
            List<OutboxEntry> batch = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxEntry.<OutboxEntry>find("id > ?1 order by id", cursor)
                            .page(0, config.harvest().publishBatchSize())
                            .list());
            if (batch.isEmpty()) {
                if (published > 0) {
                    // Visible to searches when this returns: one refresh for the whole drain, not one wait per bulk.
                    elasticsearch.performRequest(new Request("POST", "/" + ServiceIndex.ALIAS + "/_refresh"));
                }
                return new Result(published, failures, deadLettered.size());
            }
            after = batch.get(batch.size() - 1).id;
            List<Long> done = publish(batch, failures, deadLettered);
            published += done.size();
            QuarkusTransaction.requiringNew().run(() -> OutboxEntry.delete("id in ?1", done));
        }
    }

    /** Writes a batch; returns the outbox entries done, adding to {@code failures} and {@code deadLettered} (record ids). */
    private List<Long> publish(List<OutboxEntry> batch, List<String> failures, List<String> deadLettered)
            throws IOException {
        List<String> ids = batch.stream().map(e -> e.recordId).distinct().toList();
        Map<String, CatalogueRecord> records = QuarkusTransaction.requiringNew()
                .call(() -> CatalogueRecord.<CatalogueRecord>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(r -> r.id, Function.identity())));
        StringBuilder bulk = new StringBuilder();
        List<OutboxEntry> sent = new ArrayList<>();
        List<CatalogueRecord> sentRecords = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        for (OutboxEntry entry : batch) {
            CatalogueRecord record = records.get(entry.recordId);
            if (record == null) {
                done.add(entry.id); // nothing left to publish for it
                continue;
            }
            ObjectNode action = json.createObjectNode();
            ObjectNode meta = action.putObject(record.status == RecordStatus.ACTIVE ? "index" : "delete");
            meta.put("_index", ServiceIndex.ALIAS)
                    .put("_id", record.id)
                    .put("version", record.revision)
                    .put("version_type", "external_gte");
            bulk.append(action).append('\n');
            if (record.status == RecordStatus.ACTIVE) {
                bulk.append(ServiceIndex.indexDocument(json, record.document)).append('\n');
            }
            sent.add(entry);
            sentRecords.add(record);
        }
        if (sent.isEmpty()) {
            return done;
        }
        Request request = new Request("POST", "/_bulk");
        request.setJsonEntity(bulk.toString());
        Response response = elasticsearch.performRequest(request);
        JsonNode items = json.readTree(response.getEntity().getContent()).path("items");
        for (int i = 0; i < sent.size(); i++) {
            JsonNode result = itemResult(items, i);
            OutboxEntry entry = sent.get(i);
            if (isWritten(result)) {
                done.add(entry.id);
            } else if (isRefused(result)) {
                deadLetter(entry.id, sentRecords.get(i), result);
                deadLettered.add(entry.recordId);
            } else {
                failures.add(entry.recordId + ": "
                        + (result == null ? "no result" : result.path("error").toString()));
            }
        }
        return done;
    }

    /** A write Elasticsearch refused, out of the outbox (when it came from there) into the dead letters. */
    private static void deadLetter(Long outboxEntryId, CatalogueRecord record, JsonNode result) {
        String error = result.path("error").toString();
        OutboxEntry.Operation operation =
                record.status == RecordStatus.ACTIVE ? OutboxEntry.Operation.INDEX : OutboxEntry.Operation.DELETE;
        QuarkusTransaction.requiringNew().run(() -> DeadLetter.of(outboxEntryId, record, operation, error));
        LOG.warnf(
                "Elasticsearch refused %s (revision %d), moved to the dead letters: %s",
                record.id, record.revision, error);
    }

    private static JsonNode itemResult(JsonNode items, int i) {
        return items.path(i).elements().hasNext() ? items.path(i).elements().next() : null;
    }

    private static boolean isWritten(JsonNode result) {
        int status = result == null ? 0 : result.path("status").asInt();
        return status >= 200 && status < 300
                || status == 409 // a newer revision is already there
                || status == 404 && result.has("result"); // deleting what is already gone
    }

    /** Elasticsearch refused the document itself (it breaks the mapping): no retry would change that. */
    private static boolean isRefused(JsonNode result) {
        return result != null && result.path("status").asInt() == 400;
    }
}
