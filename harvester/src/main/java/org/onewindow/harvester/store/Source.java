package org.onewindow.harvester.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A harvested source; {@code definition} is its current mapping (YAML, see {@link SourceVersion}), the truth at run time. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "agency_name", nullable = false)
    public String agencyName;

    @Column(name = "agency_type", nullable = false)
    public String agencyType;

    @Column(nullable = false)
    public String schedule;

    @Column(nullable = false, columnDefinition = "text")
    public String definition;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Why the source's mapping file was not applied: the file differs from the current version, which was changed
     * through the API since the file last updated it (the database wins); null when the file and the source agree.
     */
    @Column(name = "file_drift", columnDefinition = "text")
    public String fileDrift;

    /** A disabled source keeps its records and history but has no schedule and takes no run. */
    @Column(nullable = false)
    public boolean enabled = true;

    /** What an operator set beyond the mapping file (JSON of {@code SourceSettings}; unset settings absent). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String settings = "{}";

    /** When the source was deleted (its records withdrawn, its history kept); null while it exists. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean deleted() {
        return deletedAt != null;
    }
}
