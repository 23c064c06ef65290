package org.onewindow.harvester.store;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.run.HarvestContext;
import org.onewindow.harvester.run.InstanceIdentity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A run's staged changes applied to the record of truth in one transaction, with their history versions and outbox
 * entries; only while the run is still this instance's ({@link ChangeSet.RunFencedException} otherwise).
 */
@ApplicationScoped
public class ApplyRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:apply";

    @Inject
    ChangeSet changes;

    @Inject
    InstanceIdentity instance;

    @Override
    public void configure() {
        from(ENDPOINT).routeId("apply")
                .process(this::apply);
    }

    private void apply(Exchange exchange) {
        changes.applyRun(HarvestContext.of(exchange).runId(), instance.name());
    }
}
