package org.onewindow.harvester;

import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.publish.CatalogueIndex;
import org.onewindow.harvester.run.AbandonedRuns;
import org.onewindow.harvester.schedule.SourceSchedules;
import org.onewindow.harvester.source.SourceCatalog;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** At start-up: close abandoned runs, load the bundled sources, schedule them, prepare the index. */
@ApplicationScoped
public class HarvesterStartup {

    private static final Logger LOG = Logger.getLogger(HarvesterStartup.class);

    @Inject
    AbandonedRuns abandonedRuns;

    @Inject
    SourceCatalog sources;

    @Inject
    SourceSchedules schedules;

    @Inject
    CatalogueIndex index;

    @Inject
    HarvesterConfig config;

    void onStart(@Observes StartupEvent event) {
        abandonedRuns.closeAll();
        int loaded = sources.syncBundledSources();
        LOG.infof("%d bundled source(s) loaded", loaded);
        if (config.harvest().schedulesEnabled()) {
            sources.all().forEach(schedules::register);
        }
        try {
            index.ensureExists();
        } catch (Exception e) {
            LOG.warnf("Elasticsearch not ready at start-up (%s); the index is created at the first publish", e.getMessage());
        }
    }
}
