package org.onewindow.harvester.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The record of truth for one service: its mapped document, content hash and presence bookkeeping. */
@Entity
@Table(name = "service_record")
public class CatalogueRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Column(name = "source_record_id", nullable = false)
    public String sourceRecordId;

    @Column(nullable = false, columnDefinition = "text")
    public String url;

    /** The ServiceRecord as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordStatus status;

    /** Consecutive complete gathers the record was missing from. */
    @Column(name = "miss_count", nullable = false)
    public int missCount;

    /** Bumped on every change; Elasticsearch writes use it as an external version, so a stale write never wins. */
    @Column(nullable = false)
    public long revision;

    /** When the source last said the record changed (a sitemap's lastmod), if it says so. */
    @Column(name = "source_modified")
    public LocalDate sourceModified;

    /** The page's ETag and Last-Modified when it was last read in full, for a conditional fetch. */
    public String etag;

    @Column(name = "last_modified_header")
    public String lastModifiedHeader;

    /** Consecutive runs on which the record's page answered 404 or 410. */
    @Column(name = "gone_count", nullable = false)
    public int goneCount;

    /** Hash of the source definition (mapping) the document was made with: another mapping means re-reading. */
    @Column(name = "definition_hash")
    public String definitionHash;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "last_changed", nullable = false)
    public Instant lastChanged;
}
