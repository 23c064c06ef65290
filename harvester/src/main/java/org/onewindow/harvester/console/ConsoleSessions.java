package org.onewindow.harvester.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.onewindow.harvester.api.Caller;
import org.onewindow.harvester.store.ApiKey;
import org.onewindow.harvester.store.ConsoleSession;
import org.onewindow.harvester.store.RecordStore;

/**
 * Console sessions in the database, so that every instance behind a load balancer knows them. A session lasts an hour
 * from its last request and eight hours at most; a session of an issued key ends with the key.
 */
@ApplicationScoped
public class ConsoleSessions {

    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final Duration IDLE = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofHours(8);

    /** A live session: who it is, and the token its changes must carry. */
    public record Session(Caller caller, String csrfToken) {}

    /** A new session; its id (for the cookie) is the only time the id is known. */
    public record Started(String id, Session session) {}

    public Started start(Caller caller) {
        String id = random();
        String csrf = random();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            ConsoleSession.delete("expiresAt < ?1", now);
            ConsoleSession session = new ConsoleSession();
            session.idHash = RecordStore.sha256(id);
            session.keyId = caller.keyId();
            session.role = caller.role();
            session.agencyCode = caller.agencyCode();
            session.name = caller.name();
            session.csrfToken = csrf;
            session.createdAt = now;
            session.expiresAt = now.plus(IDLE);
            session.persist();
        });
        LOG.infof("console: %s signed in", caller.label());
        return new Started(id, new Session(caller, csrf));
    }

    /** The live session of this id, its idle time restarted; empty when it expired, ended or its key was revoked. */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            ConsoleSession session = ConsoleSession.findById(RecordStore.sha256(id));
            if (session == null || session.expiresAt.isBefore(now)) {
                return Optional.empty();
            }
            if (session.keyId != null) {
                ApiKey key = ApiKey.findById(session.keyId);
                if (key == null || key.revokedAt != null) {
                    session.delete();
                    return Optional.empty();
                }
            }
            Instant latest = session.createdAt.plus(LONGEST);
            Instant renewed = now.plus(IDLE);
            session.expiresAt = renewed.isBefore(latest) ? renewed : latest;
            return Optional.of(new Session(
                    new Caller(session.role, session.agencyCode, session.keyId, session.name), session.csrfToken));
        });
    }

    public void end(String id) {
        if (id != null) {
            QuarkusTransaction.requiringNew().run(() -> ConsoleSession.deleteById(RecordStore.sha256(id)));
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
