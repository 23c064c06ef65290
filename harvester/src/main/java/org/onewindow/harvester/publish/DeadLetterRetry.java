package org.onewindow.harvester.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.DeadLetter;
import org.onewindow.harvester.store.OutboxEntry;
import org.onewindow.harvester.store.RecordStatus;

/**
 * Retries a dead letter: the record's current state (what it holds now, not the refused revision) is queued again and
 * published; the dead letter is gone when Elasticsearch takes it, replaced by a new one when it refuses again.
 */
@ApplicationScoped
public class DeadLetterRetry {

    private static final Logger LOG = Logger.getLogger(DeadLetterRetry.class);

    @Inject
    CataloguePublisher publisher;

    /** What a retry did: published, or still queued, or refused again ({@code again}, the new dead letter). */
    public record Result(String recordId, boolean published, DeadLetter again) {}

    /** @throws NotFoundException when no dead letter has this id */
    public Result retry(long id, String by) throws IOException {
        LOG.infof("dead letter %d retried by %s", id, by);
        String recordId = QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter letter = DeadLetter.findById(id);
            if (letter == null) {
                throw new NotFoundException("no dead letter with id " + id);
            }
            CatalogueRecord record = CatalogueRecord.findById(letter.recordId);
            DeadLetter.delete("recordId", letter.recordId);
            OutboxEntry.enqueue(
                    letter.recordId,
                    record != null && record.status == RecordStatus.ACTIVE
                            ? OutboxEntry.Operation.INDEX
                            : OutboxEntry.Operation.DELETE);
            return letter.recordId;
        });
        publisher.publishPending();
        DeadLetter again = QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>find("recordId", recordId).firstResult());
        boolean queued = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("recordId", recordId) > 0);
        return new Result(recordId, again == null && !queued, again);
    }
}
