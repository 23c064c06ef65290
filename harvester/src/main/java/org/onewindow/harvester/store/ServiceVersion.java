package org.onewindow.harvester.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One revision of a service: what changed, when, by which run, and the document as it then was. */
@Entity
@Table(name = "service_version")
public class ServiceVersion extends PanacheEntityBase {

    /**
     * From the column's own sequence, 50 ids a call (V11 makes it step by 50), so a first harvest's versions are
     * inserted in JDBC batches instead of one round trip each.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_version_ids")
    @SequenceGenerator(name = "service_version_ids", sequenceName = "service_version_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Column(nullable = false)
    public long revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StagedChange.Kind change;

    /** Top-level fields of the document that changed, comma-separated (all of them when added). */
    @Column(name = "changed_fields", nullable = false, columnDefinition = "text")
    public String changedFields;

    /** The document at this revision; null for a withdrawal. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String document;

    @Column(name = "run_id")
    public Long runId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
