package org.onewindow.harvester.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.harvester.publish.DeadLetterRetry;
import org.onewindow.harvester.store.DeadLetter;

/** Writes Elasticsearch refused for good, and their retry (after the mapping or the index was fixed). */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

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
                    letter.operation.name().toLowerCase(Locale.ROOT),
                    letter.error,
                    letter.runId,
                    letter.createdAt);
        }
    }

    /** @param deadLetter the write's new dead letter when Elasticsearch refused it again, else null */
    public record RetryView(String recordId, boolean published, DeadLetterView deadLetter) {}

    @Inject
    DeadLetterRetry retries;

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
        DeadLetterRetry.Result result = retries.retry(id, caller.get().label());
        return new RetryView(
                result.recordId(),
                result.published(),
                result.again() == null ? null : DeadLetterView.of(result.again()));
    }
}
