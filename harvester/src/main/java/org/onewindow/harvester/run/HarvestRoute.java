package org.onewindow.harvester.run;

import org.apache.camel.builder.RouteBuilder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs a harvest whose run row exists; triggered by the operator API and by Quartz schedules. */
@ApplicationScoped
public class HarvestRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:harvest-run";

    @Inject
    HarvestRunner runner;

    @Override
    public void configure() {
        from(ENDPOINT).routeId("harvest-run")
                .log("harvest run ${body} starting")
                .bean(runner, "run");
    }
}
