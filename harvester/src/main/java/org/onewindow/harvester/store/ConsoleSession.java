package org.onewindow.harvester.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A console sign-in: who signed in with which key, until when, and the token every change must carry. */
@Entity
@Table(name = "console_session")
public class ConsoleSession extends PanacheEntityBase {

    /** SHA-256 of the session id the cookie carries; the id itself is never stored. */
    @Id
    @Column(name = "id_hash")
    public String idHash;

    /** The issued key signed in with; null for the bootstrap operator key. */
    @Column(name = "key_id")
    public Long keyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApiKey.Role role;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
