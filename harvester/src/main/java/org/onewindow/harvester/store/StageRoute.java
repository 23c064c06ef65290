package org.onewindow.harvester.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.harvester.run.HarvestContext;
import org.onewindow.harvester.run.RecordWork;
import org.onewindow.harvester.run.RunCounts.Count;
import org.onewindow.mappings.model.ServiceRecord;

/**
 * A mapped record compared with the record of truth: the same content changes nothing (the run's one set-based
 * statement records that it was seen); anything else is staged on the run, to be applied when the run ends.
 */
@ApplicationScoped
public class StageRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:stage";

    @Inject
    RecordStore store;

    @Override
    public void configure() {
        errorHandler(noErrorHandler()); // what fails here is the calling route's to handle (and to log)

        from(ENDPOINT).routeId("stage").process(this::stage);
    }

    private void stage(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        RecordWork work = exchange.getMessage().getBody(RecordWork.class);
        ServiceRecord record = work.extracted().mapping().record().withId(work.id());
        RecordStore.Document document = store.document(record);
        RecordStore.Known known = work.known();
        RecordStore.Change change = known != null
                        && known.holds(
                                document.hash(), work.sourceModified(), work.freshValidators(), run.definitionHash())
                ? RecordStore.Change.UNCHANGED // what is stored, bookkeeping included: nothing to write, nothing to ask
                : store.stage(
                        run.runId(),
                        record,
                        document,
                        work.sourceModified(),
                        work.freshValidators(),
                        run.definitionHash());
        run.counts()
                .add(
                        switch (change) {
                            case ADDED -> Count.ADDED;
                            case UPDATED -> Count.UPDATED;
                            case UNCHANGED -> Count.UNCHANGED;
                        });
        run.seen(work.id());
    }
}
