package org.onewindow.harvester.run;

import java.util.function.UnaryOperator;
import org.onewindow.harvester.store.Stage;

/** Where the stages report what went wrong: error rows for a run, a list for a dry-run. */
@FunctionalInterface
public interface ErrorSink {

    void error(Stage stage, String url, String recordId, String message);

    /** Masks secrets (an API key in a URL) with {@code mask} before anything is stored or shown. */
    static ErrorSink redacting(UnaryOperator<String> mask, ErrorSink sink) {
        return (stage, url, recordId, message) -> sink.error(
                stage, url == null ? null : mask.apply(url), recordId, message == null ? null : mask.apply(message));
    }
}
