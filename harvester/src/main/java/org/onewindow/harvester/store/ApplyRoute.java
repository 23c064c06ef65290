package org.onewindow.harvester.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.logging.Logger;
import org.onewindow.harvester.run.HarvestContext;
import org.onewindow.harvester.run.InstanceIdentity;

/**
 * A run's staged changes applied to the record of truth in one transaction, with their history versions and outbox
 * entries; only while the run is still this instance's ({@link ChangeSet.RunFencedException} otherwise).
 */
@ApplicationScoped
public class ApplyRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:apply";

    private static final Logger LOG = Logger.getLogger(ApplyRoute.class);

    @Inject
    ChangeSet changes;

    @Inject
    InstanceIdentity instance;

    @Override
    public void configure() {
        from(ENDPOINT).routeId("apply").process(this::apply);
    }

    private void apply(Exchange exchange) {
        long runId = HarvestContext.of(exchange).runId();
        long started = System.nanoTime();
        ChangeSet.Summary applied = changes.applyRun(runId, instance.name());
        LOG.infof(
                "run %d applied %d added, %d updated, %d withdrawn in %.1f s",
                runId, applied.added(), applied.updated(), applied.withdrawn(), (System.nanoTime() - started) / 1e9);
    }
}
