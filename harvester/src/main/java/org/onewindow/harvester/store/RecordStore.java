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
            created.persist();
            OutboxEntry.enqueue(record.id(), OutboxEntry.Operation.INDEX);
            return Change.ADDED;
        }
        existing.lastSeen = now;
        existing.missCount = 0;
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
