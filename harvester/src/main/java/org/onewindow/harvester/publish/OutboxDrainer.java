package org.onewindow.harvester.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.store.OutboxEntry;

/**
 * Publishes queued changes between runs, so a change that could not reach Elasticsearch (the node was down)
 * arrives soon after it is back, not only after the next harvest. Versions make a drain by two instances harmless.
 */
@ApplicationScoped
public class OutboxDrainer {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);

    @Inject
    CataloguePublisher publisher;

    @Inject
    HarvesterConfig config;

    private volatile boolean failing;

    /** Every {@code onewindow.harvest.publish-interval}, on the in-memory scheduler (no Quartz row per drain). */
    @Scheduled(
            identity = "outbox-drain",
            every = "${onewindow.harvest.publish-interval:10s}",
            delayed = "${onewindow.harvest.publish-interval:10s}",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        try {
            long pending = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
            if (pending == 0) {
                return;
            }
            CataloguePublisher.Result result = publisher.publishPending();
            if (failing || result.published() > 0) {
                LOG.infof(
                        "outbox drained: %d change(s) published, %d still failing",
                        result.published(), result.failures().size());
            }
            failing = !result.failures().isEmpty();
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("Elasticsearch unavailable, changes stay queued in the outbox: %s", e.getMessage());
            }
            failing = true;
        }
    }
}
