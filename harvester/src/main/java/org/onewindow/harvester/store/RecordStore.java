package org.onewindow.harvester.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.onewindow.mappings.model.ServiceRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes harvested records to the record of truth and queues each change for publishing, atomically. */
@ApplicationScoped
public class RecordStore {

    public enum Change { ADDED, UPDATED, UNCHANGED }

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Change store(ServiceRecord record) {
        return store(record, null);
    }

    /**
     * True when the record is published and the source's own modification date is not newer than the one stored
     * with it: the page need not be fetched again. The record then counts as seen.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean seenUnchanged(String id, java.time.LocalDate sourceModified) {
        CatalogueRecord existing = CatalogueRecord.findById(id);
        if (existing == null || existing.status != RecordStatus.ACTIVE || existing.sourceModified == null
                || sourceModified.isAfter(existing.sourceModified)) {
            return false;
        }
        existing.lastSeen = Instant.now();
        existing.missCount = 0;
        return true;
    }

    /** @param sourceModified when the source says the record last changed, or null */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Change store(ServiceRecord record, java.time.LocalDate sourceModified) {
        String document = toJson(record);
        String hash = sha256(document);
        Instant now = Instant.now();
        CatalogueRecord existing = CatalogueRecord.findById(record.id());
        if (existing == null) {
            CatalogueRecord created = new CatalogueRecord();
            created.id = record.id();
            created.sourceId = record.sourceId();
            created.sourceRecordId = record.sourceRecordId();
            created.url = record.url();
            created.document = document;
            created.contentHash = hash;
            created.status = RecordStatus.ACTIVE;
            created.revision = 1;
            created.firstSeen = now;
            created.lastSeen = now;
            created.lastChanged = now;
            created.sourceModified = sourceModified;
            created.persist();
            OutboxEntry.enqueue(record.id(), OutboxEntry.Operation.INDEX);
            return Change.ADDED;
        }
        existing.lastSeen = now;
        existing.missCount = 0;
        existing.sourceModified = sourceModified;
        if (existing.contentHash.equals(hash) && existing.status == RecordStatus.ACTIVE) {
            return Change.UNCHANGED;
        }
        Change change = existing.status == RecordStatus.WITHDRAWN ? Change.ADDED : Change.UPDATED;
        existing.url = record.url();
        existing.document = document;
        existing.contentHash = hash;
        existing.status = RecordStatus.ACTIVE;
        existing.revision++;
        existing.lastChanged = now;
        OutboxEntry.enqueue(record.id(), OutboxEntry.Operation.INDEX);
        return change;
    }

    /**
     * After a complete gather: active records of the source that were not listed get one more miss; those
     * missing from {@code threshold} complete gathers in a row are withdrawn. Returns how many were withdrawn.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recordMisses(String sourceId, Set<String> listedIds, int threshold) {
        List<CatalogueRecord> active = CatalogueRecord.list("sourceId = ?1 and status = ?2", sourceId, RecordStatus.ACTIVE);
        int withdrawn = 0;
        Instant now = Instant.now();
        for (CatalogueRecord record : active) {
            if (listedIds.contains(record.id)) {
                continue;
            }
            record.missCount++;
            if (record.missCount >= threshold) {
                record.status = RecordStatus.WITHDRAWN;
                record.revision++;
                record.lastChanged = now;
                OutboxEntry.enqueue(record.id, OutboxEntry.Operation.DELETE);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private String toJson(ServiceRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise record " + record.id(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
