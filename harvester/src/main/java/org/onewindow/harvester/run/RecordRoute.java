package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.extract.ExtractRoute;
import org.onewindow.harvester.store.StageRoute;

/**
 * One listed record: fetch (when the listing did not carry it whole) → extract and map → stage against the record of
 * truth. A record a stage cannot take further ({@link RecordFailure}) becomes an error row and a count here, and the
 * run goes on with the next.
 */
@ApplicationScoped
public class RecordRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:record";

    @Inject
    RecordSteps steps;

    @Override
    public void configure() {
        // spotless:off: a route reads as its nesting
        onException(RecordFailure.class)
                .handled(true)
                .process(steps::failed);
        onException(Exception.class) // no stage expected it (the database is away): the run stops and fails
                .handled(true)
                .process(steps::broke);

        from(ENDPOINT).routeId("record")
                .process(steps::lookUp) // body: the listed record → its work, or null when it is not to be read
                .filter(body().isNotNull())
                    .choice()
                        .when(steps::needsFetch)
                            .process(steps::fetchAndExtractWithinDeadline) // fetch and extract routes, on a worker
                        .otherwise()
                            .to(ExtractRoute.ENDPOINT)
                    .end()
                    .process(steps::settleFetch) // not modified or gone: counted here, nothing to stage
                    .filter(body().isNotNull())
                        .to(StageRoute.ENDPOINT)
                    .end()
                .end();
        // spotless:on
    }
}
