package org.onewindow.harvester.run;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.DaemonThreads;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.extract.ExtractRoute;
import org.onewindow.harvester.fetch.PageReader;
import org.onewindow.harvester.fetch.Validators;
import org.onewindow.harvester.run.RunCounts.Count;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.Stage;

/** The steps of {@link RecordRoute}: which records are read, reading them within their deadline, and what came of it. */
@ApplicationScoped
public class RecordSteps {

    @Inject
    PageReader reader;

    @Inject
    ProducerTemplate producer;

    @Inject
    RunLedger ledger;

    @Inject
    RunProgress progress;

    @Inject
    HarvesterConfig config;

    private final ExecutorService workers = Executors.newCachedThreadPool(DaemonThreads.named("harvest-record"));

    private final RecordDeadline deadline = new RecordDeadline(workers);

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /**
     * The listed record's work, or null when it is not read: the run stopped (out of time, or cancelled, which is
     * looked for at the first record and then at most every 500 ms: {@link ProgressCadence}), or the listing says the
     * page has not changed since we read it (seen, unchanged).
     */
    void lookUp(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        RecordRef ref = exchange.getMessage().getBody(RecordRef.class);
        exchange.getMessage().setBody(null);
        if (run.stopped()) {
            return;
        }
        if (Instant.now().isAfter(run.deadline())) {
            run.stop(outOfTime());
            return;
        }
        RunCounts counts = run.counts();
        if (run.progressDue() && ledger.progress(run.runId(), counts, run.session())) {
            run.cancel();
            return;
        }
        RecordStore.Known known = run.knownOnPage(ref.sourceRecordId());
        String id = RecordStore.idOf(known, run.sourceId(), ref.sourceRecordId());
        boolean current =
                known != null && known.active() && run.definitionHash().equals(known.definitionHash());
        LocalDate sourceModified = sourceModified(ref);
        if (current
                && sourceModified != null
                && known.sourceModified() != null
                && !sourceModified.isAfter(known.sourceModified())) {
            run.seen(id);
            counts.add(Count.UNCHANGED);
            return;
        }
        exchange.getMessage()
                .setBody(
                        new RecordWork(ref, id, sourceModified, current ? known.validators() : Validators.NONE, known));
    }

    boolean needsFetch(Exchange exchange) {
        return exchange.getMessage().getBody(RecordWork.class).ref().needsFetch();
    }

    /**
     * A record whose page must be fetched gets a thread and a deadline: past it, the record is abandoned and the run goes
     * on. A record the listing carried whole waits on no network and its extract rules are bounded by their read budget:
     * it is mapped on the run's thread (handing it over costs two thread switches a record, which made a 100,000-record
     * harvest 11-19 % slower on 2 cores: BENCHMARKS.md).
     */
    void fetchAndExtractWithinDeadline(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        RecordWork work = exchange.getMessage().getBody(RecordWork.class);
        RecordDeadline.Result<Void> result = deadline.await(
                () -> fetchAndExtract(run, work),
                run.recordTimeout(),
                run.deadline(),
                () -> ledger.cancelRequested(run.runId()));
        progress.step(run.runId());
        if (result instanceof RecordDeadline.Cancelled) {
            run.cancel();
            exchange.getMessage().setBody(null);
        } else if (result instanceof RecordDeadline.RunOutOfTime) {
            run.stop(outOfTime());
            exchange.getMessage().setBody(null);
        } else if (result instanceof RecordDeadline.TimedOut<Void> timedOut) {
            throw new RecordFailure(
                    Stage.FETCH,
                    work.ref().request().url(),
                    work.sourceRecordId(),
                    "abandoned: fetch, extract and map not done within "
                            + timedOut.after().toSeconds() + " s (the run went on without it)");
        }
    }

    private Void fetchAndExtract(HarvestContext run, RecordWork work) {
        PageReader.Read read = reader.read(work.ref().request(), work.storedValidators(), run.session());
        if (read instanceof PageReader.NotModified) {
            work.notModified();
            return null;
        }
        if (read instanceof PageReader.Gone gone) {
            work.gone(gone.message());
            return null;
        }
        if (read instanceof PageReader.Failed failed) {
            throw new RecordFailure(Stage.FETCH, work.ref().request().url(), work.sourceRecordId(), failed.message());
        }
        PageReader.Page page = (PageReader.Page) read;
        work.fetched(page.page(), page.validators());
        Exchange extracted = producer.send(ExtractRoute.ENDPOINT, exchange -> {
            exchange.setProperty(HarvestContext.PROPERTY, run);
            exchange.getMessage().setBody(work);
        });
        if (extracted.getException() instanceof RuntimeException failure) {
            throw failure;
        }
        if (extracted.getException() != null) {
            throw new IllegalStateException(extracted.getException());
        }
        return null;
    }

    /** A page that answered 304 or 404/410 has nothing to stage. */
    void settleFetch(Exchange exchange) {
        RecordWork work = exchange.getMessage().getBody(RecordWork.class);
        if (work == null) {
            return;
        }
        HarvestContext run = HarvestContext.of(exchange);
        if (work.wasNotModified()) {
            run.seen(work.id());
            run.counts().add(Count.UNCHANGED);
            exchange.getMessage().setBody(null);
        } else if (work.goneBecause() != null) {
            run.errors().error(Stage.FETCH, work.ref().request().url(), work.sourceRecordId(), work.goneBecause());
            run.counts().add(Count.GONE);
            run.gone(work.id()); // a step toward its withdrawal only if the run may withdraw, known at its end
            exchange.getMessage().setBody(null);
        }
    }

    /** A stage could not take the record further: an error row, and a count that says whether the run may still withdraw. */
    void failed(Exchange exchange) {
        HarvestContext run = HarvestContext.of(exchange);
        RecordFailure failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RecordFailure.class);
        failure.reportTo(run.errors());
        run.counts().add(failure.rejected() ? Count.REJECTED : Count.ERRORED);
        progress.step(run.runId());
    }

    /** Something no stage expected: the run reads no further record, and fails changing nothing ({@link RunSteps#settle}). */
    void broke(Exchange exchange) {
        HarvestContext.of(exchange).broke(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    private String outOfTime() {
        return "time budget of " + config.harvest().runTimeout() + " exceeded: nothing was withdrawn";
    }

    /** The listing's own modification date of the record (a sitemap's lastmod), when it gives a readable one. */
    private static LocalDate sourceModified(RecordRef ref) {
        List<String> lastmod = ref.listFields().get("lastmod");
        if (lastmod == null || lastmod.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(lastmod.get(0));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
