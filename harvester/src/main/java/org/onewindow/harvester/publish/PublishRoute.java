package org.onewindow.harvester.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.run.HarvestContext;
import org.onewindow.harvester.run.RunLedger;
import org.onewindow.harvester.store.Stage;

/**
 * The outbox published to Elasticsearch at the end of a run; what does not get there stays queued for the outbox
 * drain, and the run says so with a publish error row.
 */
@ApplicationScoped
public class PublishRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:publish";

    @Inject
    CataloguePublisher publisher;

    @Inject
    RunLedger ledger;

    @Override
    public void configure() {
        from(ENDPOINT).routeId("publish").process(this::publish);
    }

    private void publish(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        try {
            CataloguePublisher.Result result = publisher.publishPending();
            result.failures().forEach(failure -> ledger.error(run.runId(), Stage.PUBLISH, null, null, failure));
            if (!result.failures().isEmpty() || result.deadLettered() > 0) {
                run.notAllPublished();
            }
        } catch (Exception e) {
            ledger.error(
                    run.runId(),
                    Stage.PUBLISH,
                    null,
                    null,
                    "Elasticsearch unavailable, changes stay queued: " + e.getMessage());
            run.notAllPublished();
        }
    }
}
