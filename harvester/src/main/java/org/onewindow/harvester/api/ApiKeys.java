package org.onewindow.harvester.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.onewindow.harvester.store.ApiKey;
import org.onewindow.harvester.store.RecordStore;

/**
 * Issues, finds and revokes the keys operators give to operators and agencies. A key is {@value #PREFIX} and 256 random
 * bits; only its SHA-256 is stored, so the key is shown once, when issued. A revoked key stops at its next request
 * (every request looks its key up).
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    static final String PREFIX = "owk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key just issued: the only time the key itself is known. */
    public record Issued(ApiKey key, String secret) {}

    @Transactional
    public Issued issue(String name, ApiKey.Role role, String agencyCode, String by) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey();
        key.name = name;
        key.role = role;
        key.agencyCode = role == ApiKey.Role.AGENCY ? agencyCode : null;
        key.keyHash = RecordStore.sha256(secret);
        key.keyPrefix = secret.substring(0, PREFIX.length() + 6);
        key.createdBy = by;
        key.createdAt = Instant.now();
        key.persist();
        LOG.infof(
                "key %d issued by %s: %s, %s%s",
                key.id, by, name, role, role == ApiKey.Role.AGENCY ? " of agency " + agencyCode : "");
        return new Issued(key, secret);
    }

    /** The caller a presented key stands for, unless no active key has it; notes the key's use. */
    public Optional<Caller> caller(String presented) {
        if (!presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = RecordStore.sha256(presented);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ApiKey> key = ApiKey.active(hash);
            key.ifPresent(k -> ApiKey.used(k.id, Instant.now()));
            return key.map(Caller::of);
        });
    }

    /** Revokes the key; empty when no key has the id, the key unchanged when it was revoked already. */
    @Transactional
    public Optional<ApiKey> revoke(long id, String by) {
        ApiKey key = ApiKey.findById(id);
        if (key != null && key.revokedAt == null) {
            key.revokedAt = Instant.now();
            key.revokedBy = by;
            LOG.infof("key %d (%s) revoked by %s", id, key.name, by);
        }
        return Optional.ofNullable(key);
    }
}
