package org.onewindow.harvester.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;
import org.onewindow.harvester.fetch.Validators;
import org.onewindow.mappings.model.CatalogueIds;
import org.onewindow.mappings.model.ServiceRecord;

/**
 * A run's view of the record of truth while it goes: what is known of a record, what the run saw (one statement at
 * its end), and every change (added, updated, withdrawn) and every step toward a withdrawal (missed, gone) staged on the
 * run, to be applied at its end by {@link ChangeSet}. An unchanged record writes nothing of its own.
 */
@ApplicationScoped
public class RecordStore {

    public enum Change {
        ADDED,
        UPDATED,
        UNCHANGED
    }

    /**
     * What the run needs to know of a stored record before fetching it again, and the catalogue id it was given when
     * first added: the record keeps it whatever form ids take later.
     */
    public record Known(
            String id,
            boolean active,
            Validators validators,
            LocalDate sourceModified,
            String definitionHash,
            String contentHash) {

        /**
         * Whether a freshly read record is what is stored, its bookkeeping included: then it changes nothing, and staging
         * it needs no trip to the database.
         */
        public boolean holds(
                String documentHash, LocalDate sourceModified, Validators validators, String definitionHash) {
            return active
                    && documentHash.equals(contentHash)
                    && Objects.equals(sourceModified, this.sourceModified)
                    && Objects.equals(validators.etag(), this.validators.etag())
                    && Objects.equals(validators.lastModified(), this.validators.lastModified())
                    && Objects.equals(definitionHash, this.definitionHash);
        }
    }

    /** A mapped record as it is stored, and the hash that tells whether it changed. */
    public record Document(String json, String hash) {}

    @Inject
    ObjectMapper json;

    /** The stored record of the source's record {@code sourceRecordId}, withdrawn ones included; null if there is none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Known known(String sourceId, String sourceRecordId) {
        CatalogueRecord record = CatalogueRecord.find("sourceId = ?1 and sourceRecordId = ?2", sourceId, sourceRecordId)
                .firstResult();
        if (record == null) {
            return null;
        }
        return new Known(
                record.id,
                record.status == RecordStatus.ACTIVE,
                new Validators(record.etag, record.lastModifiedHeader),
                record.sourceModified,
                record.definitionHash,
                record.contentHash);
    }

    /**
     * The stored records of these records of the source (by the source's own ids; withdrawn ones included), in one query:
     * a listing page's worth at a time, so that a run asks once per page, not once per record.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Known> known(String sourceId, Collection<String> sourceRecordIds) {
        Map<String, Known> known = new HashMap<>();
        if (sourceRecordIds.isEmpty()) {
            return known;
        }
        List<Object[]> rows = CatalogueRecord.getEntityManager()
                .createQuery(
                        "select r.sourceRecordId, r.id, r.status, r.etag, r.lastModifiedHeader,"
                                + " r.sourceModified, r.definitionHash, r.contentHash from CatalogueRecord r where r.sourceId = :source and r.sourceRecordId in :ids",
                        Object[].class)
                .setParameter("source", sourceId)
                .setParameter("ids", sourceRecordIds)
                .getResultList();
        for (Object[] row : rows) {
            known.put(
                    (String) row[0],
                    new Known(
                            (String) row[1],
                            row[2] == RecordStatus.ACTIVE,
                            new Validators((String) row[3], (String) row[4]),
                            (LocalDate) row[5],
                            (String) row[6],
                            (String) row[7]));
        }
        return known;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long activeCount(String sourceId) {
        return CatalogueRecord.count("sourceId = ?1 and status = ?2", sourceId, RecordStatus.ACTIVE);
    }

    /** The catalogue id of a source's record: the one it was given when first added, else a new one ({@link CatalogueIds}). */
    public static String idOf(Known known, String sourceId, String sourceRecordId) {
        return known != null ? known.id() : CatalogueIds.of(sourceId, sourceRecordId);
    }

    /**
     * The run's records it read and found as their source serves them, changed or not: seen at {@code at}, in one
     * statement for the whole run (an unchanged record costs no write of its own). Their counters toward a withdrawal
     * start afresh when the run is applied ({@link ChangeSet}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recordSeen(Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return CatalogueRecord.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update service_record set last_seen = ? where id = any(?) and last_seen < ?")) {
                Timestamp seen = Timestamp.from(at);
                update.setTimestamp(1, seen);
                update.setArray(2, connection.createArrayOf("text", ids.toArray()));
                update.setTimestamp(3, seen);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Compares a freshly mapped record with the stored one: the same content is bookkeeping only; anything else is
     * staged on the run as an addition or update. The record carries the id {@link #idOf} gave it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Change stage(
            long runId, ServiceRecord record, LocalDate sourceModified, Validators validators, String definitionHash) {
        return stage(runId, record, document(record), sourceModified, validators, definitionHash);
    }

    /** As {@link #stage(long, ServiceRecord, LocalDate, Validators, String)}, with the record's {@link #document} made already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Change stage(
            long runId,
            ServiceRecord record,
            Document stored,
            LocalDate sourceModified,
            Validators validators,
            String definitionHash) {
        String document = stored.json();
        String hash = stored.hash();
        CatalogueRecord existing = CatalogueRecord.findById(record.id());
        if (existing != null) {
            if (existing.contentHash.equals(hash) && existing.status == RecordStatus.ACTIVE) {
                existing.sourceModified = sourceModified;
                existing.etag = validators.etag();
                existing.lastModifiedHeader = validators.lastModified();
                existing.definitionHash = definitionHash;
                return Change.UNCHANGED;
            }
        }
        StagedChange change = stagedOrNew(runId, record.id());
        change.change = existing == null || existing.status == RecordStatus.WITHDRAWN
                ? StagedChange.Kind.ADDED
                : StagedChange.Kind.UPDATED;
        change.sourceRecordId = record.sourceRecordId();
        change.url = record.url();
        change.document = document;
        change.contentHash = hash;
        change.sourceModified = sourceModified;
        change.etag = validators.etag();
        change.lastModifiedHeader = validators.lastModified();
        change.definitionHash = definitionHash;
        change.persist();
        return change.change == StagedChange.Kind.ADDED ? Change.ADDED : Change.UPDATED;
    }

    /**
     * The pages of these records answered 404/410 in a run that may withdraw: each active one's withdrawal is staged
     * when this is its {@code threshold}-th such run in a row, else one more gone run is staged. Returns how many
     * withdrawals were staged.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int stageGone(long runId, Collection<String> ids, int threshold) {
        int withdrawn = 0;
        for (String id : ids) {
            CatalogueRecord record = CatalogueRecord.findById(id);
            if (record != null && record.status == RecordStatus.ACTIVE) {
                withdrawn +=
                        stageTowardWithdrawal(runId, record, StagedChange.Kind.GONE, record.goneCount + 1 >= threshold);
            }
        }
        return withdrawn;
    }

    /**
     * After a listing that names every service, read whole in a run that may withdraw: each active record of the source
     * it does not name (by the source's own record ids) is staged as missed, or as withdrawn when this is its
     * {@code threshold}-th miss in a row. Returns how many withdrawals were staged.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int stageMisses(long runId, String sourceId, Set<String> listedSourceRecordIds, int threshold) {
        // only the few the listing no longer names are read, never every record of the source with its document
        List<Missed> missed = CatalogueRecord.getEntityManager()
                .unwrap(Session.class)
                .doReturningWork(connection -> {
                    try (PreparedStatement query = connection.prepareStatement(
                            "select id, source_record_id, url, miss_count from service_record"
                                    + " where source_id = ? and status = 'ACTIVE' and not (source_record_id = any(?))")) {
                        query.setString(1, sourceId);
                        query.setArray(2, connection.createArrayOf("text", listedSourceRecordIds.toArray()));
                        List<Missed> rows = new ArrayList<>();
                        try (ResultSet result = query.executeQuery()) {
                            while (result.next()) {
                                rows.add(new Missed(
                                        result.getString(1),
                                        result.getString(2),
                                        result.getString(3),
                                        result.getInt(4)));
                            }
                        }
                        return rows;
                    }
                });
        int withdrawn = 0;
        for (Missed record : missed) {
            withdrawn += stageTowardWithdrawal(
                    runId,
                    record.id(),
                    record.sourceRecordId(),
                    record.url(),
                    StagedChange.Kind.MISSED,
                    record.missCount() + 1 >= threshold);
        }
        return withdrawn;
    }

    /** An active record a complete listing did not name. */
    private record Missed(String id, String sourceRecordId, String url, int missCount) {}

    private static int stageTowardWithdrawal(
            long runId, CatalogueRecord record, StagedChange.Kind observed, boolean withdraw) {
        return stageTowardWithdrawal(runId, record.id, record.sourceRecordId, record.url, observed, withdraw);
    }

    private static int stageTowardWithdrawal(
            long runId, String id, String sourceRecordId, String url, StagedChange.Kind observed, boolean withdraw) {
        StagedChange change = stagedOrNew(runId, id);
        change.change = withdraw ? StagedChange.Kind.WITHDRAWN : observed;
        change.sourceRecordId = sourceRecordId;
        change.url = url;
        change.persist();
        return withdraw ? 1 : 0;
    }

    private static StagedChange stagedOrNew(long runId, String recordId) {
        StagedChange change = StagedChange.find("runId = ?1 and recordId = ?2", runId, recordId)
                .firstResult();
        if (change == null) {
            change = new StagedChange();
            change.runId = runId;
            change.recordId = recordId;
        }
        return change;
    }

    /** The record as it is stored, with its hash. */
    public Document document(ServiceRecord record) {
        String document = toJson(record);
        return new Document(document, sha256(document));
    }

    private String toJson(ServiceRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise record " + record.id(), e);
        }
    }

    /**
     * Withdraws every active record of a source in one statement: each gets its next revision, a version saying so
     * and an outbox entry that takes it out of the index. Returns how many were withdrawn.
     */
    public static int withdrawAllOf(String sourceId) {
        return CatalogueRecord.getEntityManager()
                .createNativeQuery("""
                        with withdrawn as (
                            update service_record
                               set status = 'WITHDRAWN', revision = revision + 1, last_changed = now(),
                                   miss_count = 0, gone_count = 0, etag = null, last_modified_header = null
                             where source_id = ?1 and status = 'ACTIVE'
                            returning id, revision),
                        versions as (
                            insert into service_version (record_id, revision, change, changed_fields, changed_at)
                            select id, revision, 'WITHDRAWN', 'status', now() from withdrawn
                            returning record_id)
                        insert into publish_outbox (record_id, operation, created_at)
                        select record_id, 'DELETE', now() from versions""")
                .setParameter(1, sourceId)
                .executeUpdate();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
