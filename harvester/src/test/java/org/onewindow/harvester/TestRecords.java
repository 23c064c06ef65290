package org.onewindow.harvester;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.OutboxEntry;
import org.onewindow.harvester.store.RecordStatus;

/** Records a test wrote itself, withdrawn after it as a run withdraws them: in the record of truth, then in Elasticsearch. */
public final class TestRecords {

    private TestRecords() {}

    /** Withdraws the active records the Panache {@code query} finds. */
    public static void withdraw(CataloguePublisher publisher, String query, Object... parameters) throws IOException {
        QuarkusTransaction.requiringNew()
                .run(() -> CatalogueRecord.<CatalogueRecord>list(query, parameters).stream()
                        .filter(record -> record.status == RecordStatus.ACTIVE)
                        .forEach(record -> {
                            record.status = RecordStatus.WITHDRAWN;
                            record.revision++;
                            OutboxEntry.enqueue(record.id, OutboxEntry.Operation.DELETE);
                        }));
        publisher.publishPending();
    }
}
