package org.onewindow.harvester.dryrun;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.ChangeSet;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.mappings.model.ServiceRecord;

/**
 * What a dry-run would change in what is published for its source: the records it tried that would be added or
 * updated (and which fields), and, when it read the whole listing, the published records the listing no longer names.
 */
@ApplicationScoped
public class DryRunDiff {

    /** A record the dry-run tried and mapped, by the source's own id for it. */
    public record Tried(String sourceRecordId, ServiceRecord record) {}

    public record Updated(String sourceRecordId, String id, List<String> fields) {}

    /**
     * @param added the source's ids of records not published now
     * @param updated published records whose mapped form would change, with the fields that would
     * @param unchanged tried records that would stay as published
     * @param noLongerListed published records the listing no longer names (withdrawn once that many complete runs in a
     *     row miss them: {@code withdrawnAfterMisses}); null when the dry-run did not read the whole listing
     */
    public record Diff(
            List<String> added,
            List<Updated> updated,
            int unchanged,
            List<String> noLongerListed,
            int withdrawnAfterMisses,
            String note) {}

    @Inject
    RecordStore store;

    @Inject
    ChangeSet changes;

    public Diff compare(
            String sourceId, List<Tried> tried, List<String> listed, boolean wholeListing, int withdrawnAfterMisses) {
        Map<String, RecordStore.Known> known =
                store.known(sourceId, tried.stream().map(Tried::sourceRecordId).toList());
        List<String> added = new ArrayList<>();
        List<Updated> updated = new ArrayList<>();
        int unchanged = 0;
        for (Tried record : tried) {
            RecordStore.Known stored = known.get(record.sourceRecordId());
            if (stored == null || !stored.active()) {
                added.add(record.sourceRecordId());
                continue;
            }
            RecordStore.Document document = store.document(record.record().withId(stored.id()));
            if (document.hash().equals(stored.contentHash())) {
                unchanged++;
                continue;
            }
            String before = QuarkusTransaction.requiringNew()
                    .call(() -> CatalogueRecord.<CatalogueRecord>findById(stored.id()).document);
            String fields = changes.changedFields(before, document.json());
            updated.add(new Updated(
                    record.sourceRecordId(), stored.id(), fields.isEmpty() ? List.of() : List.of(fields.split(","))));
        }
        List<String> noLongerListed = null;
        String note = null;
        if (wholeListing) {
            Set<String> named = new HashSet<>(listed);
            noLongerListed = QuarkusTransaction.requiringNew()
                    .call(() -> CatalogueRecord.<CatalogueRecord>list(
                                    "sourceId = ?1 and status = ?2 order by sourceRecordId",
                                    sourceId,
                                    RecordStatus.ACTIVE)
                            .stream()
                            .map(r -> r.sourceRecordId)
                            .filter(id -> !named.contains(id))
                            .toList());
        } else {
            note = "the whole listing was not read (an error, a listing that is not complete by nature, or its"
                    + " page limit): what it no longer names cannot be told";
        }
        return new Diff(added, updated, unchanged, noLongerListed, withdrawnAfterMisses, note);
    }
}
