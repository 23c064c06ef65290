package org.onewindow.harvester.signals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.health.SourceHealth;
import org.onewindow.harvester.health.SourceHealths;
import org.onewindow.harvester.publish.PublishLag;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.DeadLetter;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;

/**
 * The catalogue's state as gauges, health checks and notifications read it: publish lag, held runs, dead letters and
 * red sources, read from PostgreSQL at most every {@code onewindow.signals.state-refresh} (a scrape or a probe never
 * queries more often).
 */
@ApplicationScoped
public class CatalogueState {

    private static final Logger LOG = Logger.getLogger(CatalogueState.class);

    /** @param redSources the ids of the sources whose health is red, in id order */
    public record Snapshot(Instant at, PublishLag.Lag lag, long heldRuns, long deadLetters, List<String> redSources) {}

    @Inject
    PublishLag publishLag;

    @Inject
    SourceCatalog sources;

    @Inject
    SourceHealths healths;

    @Inject
    HarvesterConfig config;

    private volatile Snapshot last;

    /** The state, read again when older than the refresh interval; the last one read when PostgreSQL cannot answer. */
    public Snapshot current() {
        Snapshot known = last;
        if (known != null && known.at().plus(config.signals().stateRefresh()).isAfter(Instant.now())) {
            return known;
        }
        return refresh();
    }

    synchronized Snapshot refresh() {
        Instant now = Instant.now();
        try {
            PublishLag.Lag lag = publishLag.now();
            long held = QuarkusTransaction.requiringNew().call(() -> HarvestRun.count("status", RunStatus.HELD));
            long letters = QuarkusTransaction.requiringNew().call(() -> DeadLetter.count());
            List<Source> all = QuarkusTransaction.requiringNew().call(() -> sources.all());
            Map<String, SourceHealth> health = healths.of(all, now);
            List<String> red = health.entrySet().stream()
                    .filter(entry -> entry.getValue().red())
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            last = new Snapshot(now, lag, held, letters, red);
        } catch (RuntimeException e) {
            LOG.warnf("the catalogue's state could not be read: %s", e.getMessage());
            if (last == null) {
                throw e;
            }
        }
        return last;
    }
}
