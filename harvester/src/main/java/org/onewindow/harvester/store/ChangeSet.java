package org.onewindow.harvester.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * The changes staged on a run, applied to the record of truth in one transaction: each record change, its
 * version in the history and its outbox entry commit together (or not at all), with the run's counts toward
 * withdrawals (misses, gone pages, and their reset for every record the run saw). Or discarded, changing nothing.
 */
@ApplicationScoped
public class ChangeSet {

    /** How many changes of each kind a run staged. */
    public record Summary(int added, int updated, int withdrawn) {
        public int total() {
            return added + updated + withdrawn;
        }
    }

    /** Changes applied between two flushes of the persistence context. */
    private static final int CHUNK = 500;

    @Inject
    ObjectMapper json;

    @Inject
    HarvesterConfig config;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Summary summary(long runId) {
        return new Summary(
                (int) StagedChange.count("runId = ?1 and change = ?2", runId, StagedChange.Kind.ADDED),
                (int) StagedChange.count("runId = ?1 and change = ?2", runId, StagedChange.Kind.UPDATED),
                (int) StagedChange.count("runId = ?1 and change = ?2", runId, StagedChange.Kind.WITHDRAWN));
    }

    /** The run may no longer change the catalogue: it was closed meanwhile (declared dead, cancelled, superseded). */
    public static class RunFencedException extends IllegalStateException {
        RunFencedException(String message) {
            super(message);
        }
    }

    /**
     * Applies every change of a running run, for the instance that runs it. The run's row is locked and checked in the
     * same transaction: a run another instance closed as abandoned (its heartbeats stopped) while it was still going
     * changes nothing, even if it reaches this point later; its staged changes are dropped.
     *
     * @throws RunFencedException when the run is no longer running under {@code owner}
     */
    public Summary applyRun(long runId, String owner) {
        return apply(
                runId,
                run -> run.status == RunStatus.RUNNING && owner.equals(run.owner),
                "it is no longer running as " + owner + "'s");
    }

    /** Applies the changes of a held run an operator approved (claimed for review). */
    public Summary applyApproved(long runId) {
        return apply(
                runId, run -> run.status == RunStatus.HELD && run.reviewedAt != null, "it is not held and approved");
    }

    /**
     * Applies every change of the run in one transaction, a chunk at a time: each chunk's records are read in one
     * query and the persistence context is emptied after it, so a run of any size (a national first harvest, the
     * benchmark's 100,000) fits in memory. The transaction may last as long as a run may
     * ({@code onewindow.harvest.run-timeout}).
     */
    private Summary apply(long runId, Predicate<HarvestRun> mayApply, String otherwise) {
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout(applyTimeoutSeconds())
                    .call(() -> {
                        HarvestRun run = HarvestRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
                        if (run == null || !mayApply.test(run)) {
                            throw new RunFencedException("run " + runId + " may not change the catalogue: " + otherwise
                                    + (run == null
                                            ? ""
                                            : " (now " + run.status.name().toLowerCase(Locale.ROOT) + ")"));
                        }
                        return applyInOneTransaction(run);
                    });
        } catch (RunFencedException e) {
            QuarkusTransaction.requiringNew().run(() -> StagedChange.delete("runId", runId));
            throw e;
        }
    }

    private int applyTimeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, config.harvest().runTimeout().toSeconds());
    }

    private Summary applyInOneTransaction(HarvestRun run) {
        long runId = run.id;
        String sourceId = run.sourceId;
        Instant now = Instant.now();
        // the records this run saw start counting toward a withdrawal afresh
        CatalogueRecord.update(
                "missCount = 0, goneCount = 0 where sourceId = ?1 and lastSeen >= ?2 and (missCount > 0 or goneCount > 0)",
                sourceId,
                run.startedAt);
        int added = 0;
        int updated = 0;
        int withdrawn = 0;
        long after = 0;
        while (true) {
            List<StagedChange> chunk = StagedChange.<StagedChange>find(
                            "runId = ?1 and id > ?2 order by id", runId, after)
                    .page(0, CHUNK)
                    .list();
            if (chunk.isEmpty()) {
                break;
            }
            after = chunk.get(chunk.size() - 1).id;
            Map<String, CatalogueRecord> records = new HashMap<>();
            OutboxEntry.Batch outbox = new OutboxEntry.Batch();
            CatalogueRecord.<CatalogueRecord>list(
                            "id in ?1",
                            chunk.stream().map(c -> c.recordId).distinct().toList())
                    .forEach(record -> records.put(record.id, record));
            for (StagedChange change : chunk) {
                StagedChange.Kind applied = applyOne(change, records, outbox, sourceId, runId, now);
                if (applied == StagedChange.Kind.ADDED) {
                    added++;
                } else if (applied == StagedChange.Kind.UPDATED) {
                    updated++;
                } else if (applied == StagedChange.Kind.WITHDRAWN) {
                    withdrawn++;
                }
            }
            CatalogueRecord.getEntityManager().flush();
            outbox.enqueue();
            CatalogueRecord.getEntityManager().clear();
        }
        StagedChange.delete("runId", runId);
        return new Summary(added, updated, withdrawn);
    }

    /**
     * One staged change applied to its record (in {@code records}, added there when new); null when it changes nothing
     * but a counter toward withdrawal.
     */
    private StagedChange.Kind applyOne(
            StagedChange change,
            Map<String, CatalogueRecord> records,
            OutboxEntry.Batch outbox,
            String sourceId,
            long runId,
            Instant now) {
        CatalogueRecord record = records.get(change.recordId);
        if (change.change == StagedChange.Kind.MISSED || change.change == StagedChange.Kind.GONE) {
            if (record != null && record.status == RecordStatus.ACTIVE) {
                if (change.change == StagedChange.Kind.MISSED) {
                    record.missCount++;
                } else {
                    record.goneCount++;
                }
            }
            return null;
        }
        if (change.change == StagedChange.Kind.WITHDRAWN) {
            if (record == null || record.status != RecordStatus.ACTIVE) {
                return null;
            }
            record.status = RecordStatus.WITHDRAWN;
            record.missCount = 0;
            record.goneCount = 0;
            record.revision++;
            record.lastChanged = now;
            record.etag = null;
            record.lastModifiedHeader = null;
            version(record, StagedChange.Kind.WITHDRAWN, "status", null, runId, now);
            outbox.add(record.id, OutboxEntry.Operation.DELETE);
            return StagedChange.Kind.WITHDRAWN;
        }
        String changedFields;
        StagedChange.Kind kind;
        if (record == null) {
            record = new CatalogueRecord();
            record.id = change.recordId;
            record.sourceId = sourceId;
            record.sourceRecordId = change.sourceRecordId;
            record.revision = 1;
            record.firstSeen = now;
            record.lastSeen = now;
            records.put(record.id, record);
            changedFields = changedFields(null, change.document);
            kind = StagedChange.Kind.ADDED;
        } else if (record.status == RecordStatus.ACTIVE && record.contentHash.equals(change.contentHash)) {
            return null; // another run already applied the same content
        } else {
            changedFields = record.status == RecordStatus.WITHDRAWN
                    ? changedFields(null, change.document)
                    : changedFields(record.document, change.document);
            kind = record.status == RecordStatus.WITHDRAWN ? StagedChange.Kind.ADDED : StagedChange.Kind.UPDATED;
            record.revision++;
        }
        record.url = change.url;
        record.document = change.document;
        record.contentHash = change.contentHash;
        record.status = RecordStatus.ACTIVE;
        record.lastChanged = now;
        record.sourceModified = change.sourceModified;
        record.etag = change.etag;
        record.lastModifiedHeader = change.lastModifiedHeader;
        record.definitionHash = change.definitionHash;
        record.persist();
        version(record, kind, changedFields, change.document, runId, now);
        outbox.add(record.id, OutboxEntry.Operation.INDEX);
        return kind;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long discard(long runId) {
        return StagedChange.delete("runId", runId);
    }

    /** @param runId the run that made the change; null for a change made by the harvester itself (a maintenance task) */
    static void version(
            CatalogueRecord record,
            StagedChange.Kind kind,
            String changedFields,
            String document,
            Long runId,
            Instant now) {
        ServiceVersion version = new ServiceVersion();
        version.recordId = record.id;
        version.revision = record.revision;
        version.change = kind;
        version.changedFields = changedFields;
        version.document = document;
        version.runId = runId;
        version.changedAt = now;
        version.persist();
    }

    /** Top-level fields that differ between two documents; every field of the new one when there was none. */
    public String changedFields(String before, String after) {
        try {
            JsonNode old = before == null ? json.createObjectNode() : json.readTree(before);
            JsonNode now = json.readTree(after);
            Set<String> fields = new TreeSet<>();
            for (Iterator<String> names = now.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!now.get(name).equals(old.get(name))) {
                    fields.add(name);
                }
            }
            for (Iterator<String> names = old.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!now.has(name)) {
                    fields.add(name);
                }
            }
            return String.join(",", fields);
        } catch (IOException e) {
            return "";
        }
    }
}
