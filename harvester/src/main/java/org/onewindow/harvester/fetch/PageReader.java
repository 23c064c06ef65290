package org.onewindow.harvester.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.harvester.run.ErrorSink;
import org.onewindow.harvester.store.Stage;

/** Fetches a page through {@link FetchRoute} and says what came of it for the stage that asked. */
@ApplicationScoped
public class PageReader {

    /** What reading a page gave. */
    public sealed interface Read {}

    /** A 2xx page, with the validators to send back next time. */
    public record Page(FetchedPage page, Validators validators) implements Read {}

    /** 304: the copy we hold is current. */
    public record NotModified() implements Read {}

    /** 404 or 410: the page is gone. */
    public record Gone(int status) implements Read {
        public String message() {
            return "HTTP " + status;
        }
    }

    /** No usable answer, and why. */
    public record Failed(String message) implements Read {}

    @Inject
    ProducerTemplate producer;

    /** A listing page, or null when it could not be read (reported). */
    public FetchedPage read(PageRequest request, FetchSession session, Stage stage, String recordId, ErrorSink errors) {
        Read read = read(request, Validators.NONE, session);
        if (read instanceof Page page) {
            return page.page();
        }
        errors.error(
                stage, request.url(), recordId, read instanceof Gone gone ? gone.message() : ((Failed) read).message());
        return null;
    }

    public Read read(PageRequest request, Validators validators, FetchSession session) {
        return of(
                producer.requestBody(
                        FetchRoute.ENDPOINT, new FetchRequest(request, validators, session), FetchOutcome.class),
                validators);
    }

    /** Which request the site answered with an error; for 405 and 501, that its method is the trouble. */
    private static String refused(FetchedPage page) {
        PageRequest request = page.request();
        String said = "HTTP " + page.status() + " for " + request.method() + " " + request.url();
        if (page.status() == 405 || page.status() == 501) {
            said += ": the site does not take a " + request.method() + " there; the connector's request settings"
                    + " (method, path, form) say what is sent";
        }
        return said;
    }

    /** What a fetch's outcome means to the stage that asked for the page, which held {@code validators}. */
    public static Read of(FetchOutcome outcome, Validators validators) {
        if (outcome instanceof FetchOutcome.Failed failed) {
            return new Failed(
                    failed.reason().startsWith("refused") ? failed.reason() : "no answer: " + failed.reason());
        }
        int status = ((FetchOutcome.Fetched) outcome).page().status();
        if (status == 304 && validators.any()) {
            return new NotModified();
        }
        if (status == 404 || status == 410) {
            return new Gone(status);
        }
        if (status < 200 || status >= 300) {
            return new Failed(refused(((FetchOutcome.Fetched) outcome).page()));
        }
        FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) outcome;
        return new Page(fetched.page(), fetched.validators());
    }
}
