package org.onewindow.harvester.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.onewindow.harvester.fetch.Validators;
import org.onewindow.mappings.model.ServiceRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A run's view of the record of truth while it goes: what is known of a record, last-seen bookkeeping written at
 * once, and every change (added, updated, withdrawn) staged on the run, to be applied at its end by
 * {@link ChangeSet}. An unchanged record writes nothing but bookkeeping.
 */
@ApplicationScoped
public class RecordStore {

    public enum Change { ADDED, UPDATED, UNCHANGED }

    /** What the run needs to know of a stored record before fetching it again. */
    public record Known(boolean active, Validators validators, LocalDate sourceModified, String definitionHash) {
    }

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Known known(String id) {
        CatalogueRecord record = CatalogueRecord.findById(id);
        if (record == null) {
            return null;
        }
        return new Known(record.status == RecordStatus.ACTIVE, new Validators(record.etag, record.lastModifiedHeader),
                record.sourceModified, record.definitionHash);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long activeCount(String sourceId) {
        return CatalogueRecord.count("sourceId = ?1 and status = ?2", sourceId, RecordStatus.ACTIVE);
    }

    /** The record was listed and the site says it has not changed (304, or a lastmod not newer): only seen. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seenUnchanged(String id) {
        CatalogueRecord record = CatalogueRecord.findById(id);
        if (record != null) {
            markSeen(record);
        }
    }

    /**
     * Compares a freshly mapped record with the stored one: the same content is bookkeeping only; anything else is
     * staged on the run as an addition or update.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Change stage(long runId, ServiceRecord record, LocalDate sourceModified, Validators validators, String definitionHash) {
        String document = toJson(record);
        String hash = sha256(document);
        CatalogueRecord existing = CatalogueRecord.findById(record.id());
        if (existing != null) {
            markSeen(existing);
            if (existing.contentHash.equals(hash) && existing.status == RecordStatus.ACTIVE) {
                existing.sourceModified = sourceModified;
                existing.etag = validators.etag();
                existing.lastModifiedHeader = validators.lastModified();
                existing.definitionHash = definitionHash;
                return Change.UNCHANGED;
            }
        }
        StagedChange change = stagedOrNew(runId, record.id());
        change.change = existing == null || existing.status == RecordStatus.WITHDRAWN ? StagedChange.Kind.ADDED : StagedChange.Kind.UPDATED;
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
     * The record's page answered 404/410 on this run: after {@code threshold} such runs in a row the record's
     * withdrawal is staged. Returns true when it was.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordGone(long runId, String id, int threshold) {
        CatalogueRecord record = CatalogueRecord.findById(id);
        if (record == null || record.status != RecordStatus.ACTIVE) {
            return false;
        }
        record.goneCount++;
        if (record.goneCount < threshold) {
            return false;
        }
        stageWithdrawal(runId, record);
        return true;
    }

    /**
     * After a complete gather: active records of the source that were not listed get one more miss; the withdrawal
     * of those missing from {@code threshold} complete gathers in a row is staged. Returns how many were staged.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recordMisses(long runId, String sourceId, Set<String> listedIds, int threshold) {
        List<CatalogueRecord> active = CatalogueRecord.list("sourceId = ?1 and status = ?2", sourceId, RecordStatus.ACTIVE);
        int withdrawn = 0;
        for (CatalogueRecord record : active) {
            if (listedIds.contains(record.id)) {
                continue;
            }
            record.missCount++;
            if (record.missCount >= threshold && StagedChange.count("runId = ?1 and recordId = ?2", runId, record.id) == 0) {
                stageWithdrawal(runId, record);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private static void stageWithdrawal(long runId, CatalogueRecord record) {
        StagedChange change = stagedOrNew(runId, record.id);
        change.change = StagedChange.Kind.WITHDRAWN;
        change.sourceRecordId = record.sourceRecordId;
        change.url = record.url;
        change.persist();
    }

    private static StagedChange stagedOrNew(long runId, String recordId) {
        StagedChange change = StagedChange.find("runId = ?1 and recordId = ?2", runId, recordId).firstResult();
        if (change == null) {
            change = new StagedChange();
            change.runId = runId;
            change.recordId = recordId;
        }
        return change;
    }

    private static void markSeen(CatalogueRecord record) {
        record.lastSeen = Instant.now();
        record.missCount = 0;
        record.goneCount = 0;
    }

    private String toJson(ServiceRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise record " + record.id(), e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
