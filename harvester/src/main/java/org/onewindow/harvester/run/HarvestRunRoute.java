package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.gather.GatherRoute;
import org.onewindow.harvester.publish.PublishRoute;
import org.onewindow.harvester.review.ReviewRoute;
import org.onewindow.harvester.store.ApplyRoute;
import org.onewindow.harvester.store.ChangeSet;

/**
 * One harvest run, whose run row exists (the operator API and the Quartz schedules start it through
 * {@link HarvestService}): gather the listing, streaming each record through fetch → extract → stage; settle the
 * withdrawal rule; record what the run saw; hold the run for review when it changes too much, else apply and publish.
 * An unexpected failure fails the run and discards what it staged.
 */
@ApplicationScoped
public class HarvestRunRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:harvest-run";

    @Inject
    RunSteps steps;

    @Override
    public void configure() {
        // spotless:off: a route reads as its nesting
        onException(ChangeSet.RunFencedException.class)
                .handled(true)
                .process(steps::fenced);
        onException(Exception.class)
                .handled(true)
                .process(steps::aborted);

        from(ENDPOINT).routeId("harvest-run")
                .log("harvest run ${body} starting")
                .process(steps::open) // body: the run's id → its context, or null when its source cannot be harvested
                .filter(body().isNotNull())
                    .setProperty(HarvestContext.PROPERTY, body())
                    .to(GatherRoute.ENDPOINT)
                    .filter(steps::settle) // cancelled, or no listing: the run ends here
                        .process(steps::recordSeen)
                        .to(ReviewRoute.ENDPOINT)
                        .filter(steps::notHeld)
                            .to(ApplyRoute.ENDPOINT)
                            .to(PublishRoute.ENDPOINT)
                            .process(steps::finish)
                        .end()
                    .end()
                .end();
        // spotless:on
    }
}
