package org.onewindow.harvester.run;

import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.harvester.fetch.FetchCall;
import org.onewindow.harvester.fetch.FetchOutcome;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.fetch.PoliteFetcher;
import org.onewindow.harvester.fetch.Validators;
import org.onewindow.harvester.store.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Fetches a page politely and says what came of it; anything but a usable page is reported as an error. */
@ApplicationScoped
public class PageReader {

    /** What reading a page gave. */
    public sealed interface Read {
    }

    /** A 2xx page, with the validators to send back next time. */
    public record Page(FetchedPage page, Validators validators) implements Read {
    }

    /** 304: the copy we hold is current. */
    public record NotModified() implements Read {
    }

    /** 404 or 410: the page is gone (reported). */
    public record Gone(int status) implements Read {
    }

    /** No usable answer (reported). */
    public record Failed() implements Read {
    }

    @Inject
    PoliteFetcher fetcher;

    /** A listing page, or null when it could not be read (reported). */
    public FetchedPage read(PageRequest request, FetchSession session, Stage stage, String recordId, ErrorSink errors) {
        return read(request, Validators.NONE, session, stage, recordId, errors) instanceof Page page ? page.page() : null;
    }

    public Read read(PageRequest request, Validators validators, FetchSession session, Stage stage, String recordId, ErrorSink errors) {
        FetchOutcome outcome = fetcher.fetch(new FetchCall(request, validators), session);
        if (outcome instanceof FetchOutcome.Failed failed) {
            errors.error(stage, request.url(), recordId, failed.reason().startsWith("refused") ? failed.reason() : "no answer: " + failed.reason());
            return new Failed();
        }
        FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) outcome;
        int status = fetched.page().status();
        if (status == 304 && validators.any()) {
            return new NotModified();
        }
        if (status == 404 || status == 410) {
            errors.error(stage, request.url(), recordId, "HTTP " + status);
            return new Gone(status);
        }
        if (status < 200 || status >= 300) {
            errors.error(stage, request.url(), recordId, "HTTP " + status);
            return new Failed();
        }
        return new Page(fetched.page(), fetched.validators());
    }
}
