package org.onewindow.harvester.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.onewindow.harvester.store.OutboxEntry;

/** How far Elasticsearch is behind the record of truth: the changes queued in the outbox and the oldest one's age. */
@ApplicationScoped
public class PublishLag {

    /** @param oldest how long the oldest queued change has waited; null when none waits */
    public record Lag(long depth, Duration oldest) {

        public long oldestSeconds() {
            return oldest == null ? 0 : oldest.toSeconds();
        }

        public String oldestShown() {
            if (oldest == null) {
                return "";
            }
            long seconds = oldest.toSeconds();
            return seconds >= 3600
                    ? seconds / 3600 + "h " + seconds % 3600 / 60 + "m"
                    : seconds >= 60 ? seconds / 60 + "m " + seconds % 60 + "s" : seconds + "s";
        }
    }

    public Lag now() {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            long depth = OutboxEntry.count();
            Instant oldest = OutboxEntry.getEntityManager()
                    .createQuery("select min(o.createdAt) from OutboxEntry o", Instant.class)
                    .getSingleResult();
            return new Lag(depth, oldest == null ? null : Duration.between(oldest, now));
        });
    }
}
