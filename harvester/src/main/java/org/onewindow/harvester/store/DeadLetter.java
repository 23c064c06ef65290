package org.onewindow.harvester.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A write Elasticsearch refused for good (the document breaks the index mapping), out of the outbox so the others keep
 * flowing, with the refusal, until an operator retries it. The record of truth keeps the record as harvested.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Column(nullable = false)
    public long revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboxEntry.Operation operation;

    @Column(nullable = false, columnDefinition = "text")
    public String error;

    /** The run whose change was refused; null for a change the harvester made itself. */
    @Column(name = "run_id")
    public Long runId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Takes a refused write out of the outbox (when it came from there) into the dead letters, with an error row on the
     * run whose change it was; a write already there (a reindex refused it again) is kept once. Returns the dead letter.
     */
    public static DeadLetter of(
            Long outboxEntryId, CatalogueRecord record, OutboxEntry.Operation operation, String error) {
        if (outboxEntryId != null) {
            OutboxEntry.deleteById(outboxEntryId);
        }
        DeadLetter known = DeadLetter.<DeadLetter>find(
                        "recordId = ?1 and revision = ?2 and operation = ?3", record.id, record.revision, operation)
                .firstResult();
        if (known != null) {
            return known;
        }
        DeadLetter letter = new DeadLetter();
        letter.recordId = record.id;
        letter.revision = record.revision;
        letter.operation = operation;
        letter.error = error;
        letter.runId = ServiceVersion.<ServiceVersion>find(
                        "recordId = ?1 and revision = ?2", record.id, record.revision)
                .firstResultOptional()
                .map(version -> version.runId)
                .orElse(null);
        letter.createdAt = Instant.now();
        letter.persist();
        if (letter.runId != null) {
            HarvestError row = new HarvestError();
            row.runId = letter.runId;
            row.stage = Stage.PUBLISH;
            row.url = record.url;
            row.recordId = record.sourceRecordId;
            row.message = "refused by Elasticsearch, kept in the dead letters (" + letter.id + "): "
                    + abbreviate(error, 2000);
            row.createdAt = letter.createdAt;
            row.persist();
        }
        return letter;
    }

    /** How many active records have their current revision refused (so they are not in the index). */
    public static long activeRecordsRefused() {
        return ((Number) getEntityManager()
                        .createNativeQuery("select count(distinct d.record_id) from dead_letter d"
                                + " join service_record r on r.id = d.record_id and r.revision = d.revision"
                                + " where r.status = 'ACTIVE' and d.operation = 'INDEX'")
                        .getSingleResult())
                .longValue();
    }

    /** At most {@code max} characters of {@code text}, marked when cut. */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
