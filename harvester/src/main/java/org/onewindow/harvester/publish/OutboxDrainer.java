package org.onewindow.harvester.publish;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.onewindow.harvester.DaemonThreads;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.store.OutboxEntry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("outbox-drain"));
    private volatile boolean failing;

    void start(@Observes StartupEvent event) {
        long every = config.harvest().publishInterval().toMillis();
        timer.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
    }

    void drain() {
        try {
            long pending = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
            if (pending == 0) {
                return;
            }
            CataloguePublisher.Result result = publisher.publishPending();
            if (failing || result.published() > 0) {
                LOG.infof("outbox drained: %d change(s) published, %d still failing", result.published(), result.failures().size());
            }
            failing = !result.failures().isEmpty();
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("Elasticsearch unavailable, changes stay queued in the outbox: %s", e.getMessage());
            }
            failing = true;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }
}
