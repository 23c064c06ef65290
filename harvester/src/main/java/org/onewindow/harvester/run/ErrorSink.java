package org.onewindow.harvester.run;

import org.onewindow.harvester.store.Stage;

/** Where the stages report what went wrong: error rows for a run, a list for a dry-run. */
@FunctionalInterface
public interface ErrorSink {

    void error(Stage stage, String url, String recordId, String message);
}
