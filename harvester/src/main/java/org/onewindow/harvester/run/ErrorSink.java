package org.onewindow.harvester.run;

import org.onewindow.harvester.store.Stage;

/** Where the stages report what went wrong: error rows for a run, a list for a dry-run. */
@FunctionalInterface
public interface ErrorSink {

    void error(Stage stage, String url, String recordId, String message);

    /** Masks what the connector calls secret (an API key in a URL) before anything is stored or shown. */
    static ErrorSink redacting(org.onewindow.connectors.SourceConnector connector, ErrorSink sink) {
        return (stage, url, recordId, message) -> sink.error(stage, url == null ? null : connector.redact(url), recordId,
                message == null ? null : connector.redact(message));
    }
}
