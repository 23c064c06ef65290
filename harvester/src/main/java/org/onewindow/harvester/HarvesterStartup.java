package org.onewindow.harvester;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.run.AbandonedRuns;
import org.onewindow.harvester.run.InstanceIdentity;
import org.onewindow.harvester.schedule.SourceSchedules;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.StoredRenditions;

/**
 * At start-up: close abandoned runs, clean stored renditions once (a maintenance task), load the bundled sources,
 * schedule them, bring the index up to date.
 */
@ApplicationScoped
public class HarvesterStartup {

    private static final Logger LOG = Logger.getLogger(HarvesterStartup.class);

    @Inject
    AbandonedRuns abandonedRuns;

    @Inject
    InstanceIdentity instance;

    @Inject
    SourceCatalog sources;

    @Inject
    SourceSchedules schedules;

    @Inject
    CataloguePublisher publisher;

    @Inject
    HarvesterConfig config;

    @Inject
    StoredRenditions storedRenditions;

    void onStart(@Observes StartupEvent event) {
        abandonedRuns.closeOwn(instance.name());
        storedRenditions.cleanIfPending();
        int loaded = sources.syncSources();
        LOG.infof("%d source(s) loaded from mapping files", loaded);
        if (config.harvest().schedulesEnabled()) {
            sources.all().forEach(source -> {
                if (source.enabled) {
                    schedules.register(source);
                } else {
                    schedules.unregister(source.id);
                }
            });
        }
        try {
            CataloguePublisher.Result result = publisher.reconcile();
            if (result.published() > 0 || !result.failures().isEmpty()) {
                LOG.infof(
                        "caught up with the index at start-up: %d published, %d failed",
                        result.published(), result.failures().size());
            }
        } catch (Exception e) {
            LOG.warnf(
                    "Elasticsearch not ready at start-up (%s); pending changes are published after the next run",
                    e.getMessage());
        }
    }
}
