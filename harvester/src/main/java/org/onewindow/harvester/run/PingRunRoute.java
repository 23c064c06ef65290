package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.publish.PublishRoute;
import org.onewindow.harvester.store.ApplyRoute;
import org.onewindow.harvester.store.ChangeSet;

/**
 * A run of the pages an agency pinged ({@link HarvestService#startPing}): each page through the same record route as a
 * harvest (fetch with the source's politeness → extract → stage), then apply and publish at once. No listing: nothing
 * is withdrawn for being missed, a page answering 404 or 410 counts as in a harvest, and a change of a few pages is
 * no mass change, so there is no review.
 */
@ApplicationScoped
public class PingRunRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:ping-run";

    @Inject
    RunSteps steps;

    @Inject
    PingSteps pings;

    @Override
    public void configure() {
        // spotless:off: a route reads as its nesting
        onException(ChangeSet.RunFencedException.class)
                .handled(true)
                .process(steps::fenced);
        onException(Exception.class)
                .handled(true)
                .process(steps::aborted);

        from(ENDPOINT).routeId("ping-run")
                .process(steps::open)
                .filter(body().isNotNull())
                    .setProperty(HarvestContext.PROPERTY, body())
                    .process(pings::pages) // body: the pinged pages, what the record of truth holds of them looked up
                    .split(body()).streaming()
                        .to(RecordRoute.ENDPOINT)
                    .end()
                    .filter(pings::settle)
                        .process(steps::recordSeen)
                        .to(ApplyRoute.ENDPOINT)
                        .to(PublishRoute.ENDPOINT)
                        .process(steps::finish)
                    .end()
                .end();
        // spotless:on
    }
}
