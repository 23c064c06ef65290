package org.onewindow.harvester.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.run.HarvestContext;
import org.onewindow.harvester.run.RunLedger;
import org.onewindow.harvester.store.ChangeSet;

/**
 * A run that would change more of its source's services than the source's review threshold is held for an
 * operator ({@link RunReview} approves or discards it) instead of being applied.
 */
@ApplicationScoped
public class ReviewRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:review";
    private static final String STAGED = "onewindow.staged";

    @Inject
    ChangeSet changes;

    @Inject
    RunLedger ledger;

    @Inject
    HarvesterConfig config;

    @Override
    public void configure() {
        // spotless:off: a route reads as its nesting
        from(ENDPOINT).routeId("review")
                .filter(this::tooManyChanges)
                    .process(this::hold)
                .end();
        // spotless:on
    }

    private boolean tooManyChanges(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        ChangeSet.Summary staged = changes.summary(run.runId());
        exchange.setProperty(STAGED, staged);
        return run.activeBefore() > 0
                && staged.total() >= config.harvest().reviewMinChanges()
                && share(run, staged) > run.settings().reviewThreshold();
    }

    private void hold(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        ChangeSet.Summary staged = exchange.getProperty(STAGED, ChangeSet.Summary.class);
        double share = share(run, staged);
        run.hold();
        ledger.hold(
                run.runId(),
                run.counts(),
                run.session(),
                run.listingComplete(),
                share,
                String.format(
                        Locale.ROOT,
                        "held for review: would add %d, update %d and withdraw %d of %d services (%.0f%%, more than %.0f%%)",
                        staged.added(),
                        staged.updated(),
                        staged.withdrawn(),
                        run.activeBefore(),
                        share * 100,
                        run.settings().reviewThreshold() * 100));
    }

    private static double share(HarvestContext run, ChangeSet.Summary staged) {
        return run.activeBefore() == 0 ? 0 : staged.total() / (double) run.activeBefore();
    }
}
