package org.onewindow.harvester.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.DeadLetter;
import org.onewindow.harvester.store.OutboxEntry;
import org.onewindow.harvester.store.RecordStatus;

/** Writes Elasticsearch refused for good, and their retry (after the mapping or the index was fixed). */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    private static final Logger LOG = Logger.getLogger(DeadLettersResource.class);

    @Inject
    CurrentCaller caller;

    /** The newest this many are listed. */
    static final int LISTED = 1_000;

    public record DeadLetterView(
            long id, String recordId, long revision, String operation, String error, Long runId, Instant createdAt) {
        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(
                    letter.id,
                    letter.recordId,
                    letter.revision,
                    letter.operation.name().toLowerCase(),
                    letter.error,
                    letter.runId,
                    letter.createdAt);
        }
    }

    /** @param deadLetter the write's new dead letter when Elasticsearch refused it again, else null */
    public record RetryView(String recordId, boolean published, DeadLetterView deadLetter) {}

    @Inject
    CataloguePublisher publisher;

    @GET
    @Tag(name = "Catalogue")
    @Operation(
            operationId = "listDeadLetters",
            summary =
                    "Documents Elasticsearch refused, each with its error and run: kept out of the outbox until retried")
    public List<DeadLetterView> list() {
        return QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>find("order by id desc").page(0, LISTED).list().stream()
                        .map(DeadLetterView::of)
                        .toList());
    }

    /**
     * Queues the record's current state again (what it holds now, not the refused revision) and publishes: the dead
     * letter is gone when Elasticsearch takes it, replaced by a new one when it refuses again.
     */
    @POST
    @Path("/{id}/retry")
    @Tag(name = "Catalogue")
    @Operation(
            operationId = "retryDeadLetter",
            summary =
                    "Queues the record's current state again and publishes it; refused again, it is a dead letter again")
    @APIResponse(
            responseCode = "200",
            description = "Retried: published, or refused again",
            content = @Content(schema = @Schema(implementation = RetryView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No dead letter has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RetryView retry(@PathParam("id") long id) throws IOException {
        LOG.infof("dead letter %d retried by %s", id, caller.get().label());
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
        return new RetryView(recordId, again == null && !queued, again == null ? null : DeadLetterView.of(again));
    }
}
