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
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A change a run found, waiting to be applied to the record of truth: at the end of the run, or when an operator
 * approves a run held for review. Validators are applied with the content, never before it.
 */
@Entity
@Table(name = "staged_change")
public class StagedChange extends PanacheEntityBase {

    /**
     * ADDED, UPDATED and WITHDRAWN change the record. MISSED (not listed) and GONE (page answered 404/410) change
     * nothing but the record's counter toward withdrawal, written when the run is applied so that a run cancelled,
     * failed or discarded leaves no count behind.
     */
    public enum Kind {
        ADDED,
        UPDATED,
        WITHDRAWN,
        MISSED,
        GONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public long runId;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind change;

    @Column(name = "source_record_id", nullable = false)
    public String sourceRecordId;

    @Column(columnDefinition = "text")
    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String document;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "source_modified")
    public LocalDate sourceModified;

    public String etag;

    @Column(name = "last_modified_header")
    public String lastModifiedHeader;

    @Column(name = "definition_hash")
    public String definitionHash;
}
