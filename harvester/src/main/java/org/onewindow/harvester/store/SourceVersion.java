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
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a source's mapping: its text, where it came from, who changed it, when and why. */
@Entity
@Table(name = "source_version")
public class SourceVersion extends PanacheEntityBase {

    /** A mapping file (bundled or in the mapping directory) or the operator API. */
    public enum Origin {
        FILE,
        API
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, columnDefinition = "text")
    public String definition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    /** The file it was read from, for a version of origin FILE (null for versions from before files were named). */
    @Column(name = "file_name")
    public String fileName;

    /** SHA-256 of the file's text, for a version of origin FILE: which text of the file it is. */
    @Column(name = "file_hash")
    public String fileHash;

    /** Whether the source was enabled from this version on. */
    @Column(nullable = false)
    public boolean enabled = true;

    /** The operator's settings from this version on (JSON of {@code SourceSettings}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String settings = "{}";

    /** Whether this version deleted the source. */
    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** The agency whose key made this version; null for an operator's or a file's. */
    @Column(name = "changed_by_agency")
    public String changedByAgency;

    public String reason;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static Optional<SourceVersion> current(String sourceId) {
        return find("sourceId = ?1 order by version desc", sourceId).firstResultOptional();
    }

    public static List<SourceVersion> of(String sourceId) {
        return list("sourceId = ?1 order by version", sourceId);
    }

    /**
     * The version that gave the source its current mapping text: later versions changed only its settings, whether
     * it is enabled, or gave the same text again.
     */
    public static Optional<SourceVersion> mappingSetBy(String sourceId) {
        List<SourceVersion> newestFirst = list("sourceId = ?1 order by version desc", sourceId);
        SourceVersion setBy = newestFirst.isEmpty() ? null : newestFirst.get(0);
        for (SourceVersion version : newestFirst) {
            if (!version.definition.equals(setBy.definition)) {
                break;
            }
            setBy = version;
        }
        return Optional.ofNullable(setBy);
    }
}
