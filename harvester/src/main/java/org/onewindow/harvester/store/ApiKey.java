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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A key an operator issued: only its SHA-256 is kept, with its name, role, agency, and when it was used. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    /** An operator may do everything; an agency only what concerns its own sources. */
    public enum Role {
        OPERATOR,
        AGENCY
    }

    /** How often a key's last use is written at most (not on every request). */
    private static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** The agency an agency key acts for; null for an operator key. */
    @Column(name = "agency_code")
    public String agencyCode;

    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    /** The key's first characters, to tell keys apart in a list without revealing them. */
    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** The key of this hash, unless revoked. */
    public static Optional<ApiKey> active(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    public static List<ApiKey> newestFirst() {
        return list("order by id desc");
    }

    /** Notes the key's use, at most once a minute (a request must not always write). */
    public static void used(long id, Instant now) {
        update(
                "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                now,
                id,
                now.minus(LAST_USED_GRAIN));
    }
}
