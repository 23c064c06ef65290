package org.onewindow.harvester.run;

import org.onewindow.harvester.store.Stage;

/**
 * A record a stage could not take further: thrown by a stage's route, turned into an error row and a count by the
 * record route's error handling. A fetch failure leaves the run unable to tell what the source holds (it then
 * withdraws nothing); any later stage's rejects the record the source did serve.
 */
public class RecordFailure extends RuntimeException {

    private final Stage stage;
    private final String url;
    private final String recordId;

    public RecordFailure(Stage stage, String url, String recordId, String message) {
        super(message, null, false, false);
        this.stage = stage;
        this.url = url;
        this.recordId = recordId;
    }

    public Stage stage() {
        return stage;
    }

    public String url() {
        return url;
    }

    public String recordId() {
        return recordId;
    }

    /** The source served the record, but it cannot be published. */
    public boolean rejected() {
        return stage != Stage.FETCH;
    }

    public void reportTo(ErrorSink errors) {
        errors.error(stage, url, recordId, getMessage());
    }
}
