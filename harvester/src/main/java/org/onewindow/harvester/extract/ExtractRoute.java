package org.onewindow.harvester.extract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.logging.Logger;
import org.onewindow.harvester.run.HarvestContext;
import org.onewindow.harvester.run.RecordFailure;
import org.onewindow.harvester.run.RecordWork;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.RawRecord;

/**
 * A record's raw fields extracted by its source's connector and mapped to the common schema by its mapping (both
 * pure), then checked: a record that cannot be published is rejected ({@link RecordFailure}).
 */
@ApplicationScoped
public class ExtractRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:extract";

    private static final Logger LOG = Logger.getLogger(ExtractRoute.class);

    @Inject
    RecordExtractor extractor;

    @Override
    public void configure() {
        errorHandler(noErrorHandler()); // what fails here is the calling route's to handle (and to log)

        from(ENDPOINT).routeId("extract").process(this::extractAndMap).process(this::validate);
    }

    private void extractAndMap(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        RecordWork work = exchange.getMessage().getBody(RecordWork.class);
        work.extracted(extractor.extract(run.definition(), run.connector(), work.ref(), work.page()));
    }

    private void validate(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        RecordWork work = exchange.getMessage().getBody(RecordWork.class);
        RawRecord raw = work.extracted().raw();
        if (run.secrets().appearsIn(raw)) {
            throw new RecordFailure(
                    Stage.VALIDATE,
                    raw.url(),
                    work.sourceRecordId(),
                    "not published: the record holds the value of a secret the source reads (an API key echoed by the site)");
        }
        MappingResult mapped = work.extracted().mapping();
        mapped.warnings().forEach(warning -> LOG.infof("%s %s: %s", run.sourceId(), work.sourceRecordId(), warning));
        if (!mapped.valid()) {
            throw new RecordFailure(
                    Stage.VALIDATE,
                    raw.url(),
                    work.sourceRecordId(),
                    "not published: " + String.join("; ", mapped.problems()));
        }
        String authority = mapped.record().competentAuthority() == null
                ? null
                : mapped.record().competentAuthority().code();
        if (run.onlyAuthority() != null && !run.onlyAuthority().equals(authority)) {
            throw new RecordFailure(
                    Stage.VALIDATE,
                    raw.url(),
                    work.sourceRecordId(),
                    "not published: its competent authority is "
                            + (mapped.record().competentAuthority() == null
                                    ? "missing"
                                    : mapped.record().competentAuthority().name())
                            + ", not the source's own agency " + run.onlyAuthority()
                            + "; an agency's mapping publishes as that agency unless an operator lets the source publish"
                            + " for others: PUT /api/v1/sources/" + run.sourceId()
                            + "/settings {\"publishesForOthers\": true}");
        }
    }
}
