package org.onewindow.harvester.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.harvester.review.RunReview;
import org.onewindow.harvester.store.HarvestError;
import org.onewindow.harvester.store.StagedChange;

/** A run's status, counts, cost and errors; the changes of a held run, and the operator's decisions on runs. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    public record ErrorView(String stage, String url, String recordId, String message, Instant at) {}

    public record ChangeView(String recordId, String change, String url) {}

    @Inject
    RunReview review;

    @Inject
    SourceAccess access;

    @GET
    @Path("/{id}")
    @Tag(name = "Runs")
    @Operation(
            operationId = "getRun",
            summary = "A run: status, counts, what it cost the site, and why it ended as it did")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public RunView get(@PathParam("id") long id) {
        return RunView.of(access.ownRun(id));
    }

    @GET
    @Path("/{id}/errors")
    @Tag(name = "Runs")
    @Operation(operationId = "listRunErrors", summary = "Every error of a run, with its stage, URL, record and message")
    @APIResponse(responseCode = "200", description = "The errors, in the order they happened")
    @APIResponse(
            responseCode = "404",
            description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public List<ErrorView> errors(@PathParam("id") long id) {
        access.ownRun(id);
        return HarvestError.<HarvestError>list("runId = ?1 order by id", id).stream()
                .map(e -> new ErrorView(
                        e.stage.name().toLowerCase(Locale.ROOT), e.url, e.recordId, e.message, e.createdAt))
                .toList();
    }

    /** The changes a held (or running) run would make, for review. */
    @GET
    @Path("/{id}/changes")
    @Tag(name = "Runs")
    @Operation(
            operationId = "listRunChanges",
            summary = "What a run held for review would change (added, updated, withdrawn)")
    @APIResponse(responseCode = "200", description = "The staged changes")
    @APIResponse(
            responseCode = "404",
            description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public List<ChangeView> changes(@PathParam("id") long id) {
        access.ownRun(id);
        return StagedChange.<StagedChange>list("runId = ?1 order by id", id).stream()
                .map(c -> new ChangeView(c.recordId, c.change.name().toLowerCase(Locale.ROOT), c.url))
                .toList();
    }

    @POST
    @Path("/{id}/approve")
    @Tag(name = "Runs")
    @Operation(operationId = "approveRun", summary = "Applies and publishes the changes of a run held for review")
    @APIResponse(
            responseCode = "200",
            description = "The run, applied",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The run is not held for review",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public RunView approve(
            @PathParam("id") long id,
            @QueryParam("reason") @Parameter(description = "Why, kept with the review") String reason) {
        access.ownRun(id);
        return RunView.of(review.approve(id, access.caller().label(), reason));
    }

    @POST
    @Path("/{id}/discard")
    @Tag(name = "Runs")
    @Operation(operationId = "discardRun", summary = "Drops the changes of a run held for review: nothing changes")
    @APIResponse(
            responseCode = "200",
            description = "The run, discarded",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The run is not held for review",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public RunView discard(
            @PathParam("id") long id,
            @QueryParam("reason") @Parameter(description = "Why, kept with the review") String reason) {
        access.ownRun(id);
        return RunView.of(review.discard(id, access.caller().label(), reason));
    }

    @POST
    @Path("/{id}/cancel")
    @Tag(name = "Runs")
    @Operation(operationId = "cancelRun", summary = "Asks a running run to stop: it ends cancelled and changes nothing")
    @APIResponse(
            responseCode = "202",
            description = "Asked; the run ends shortly",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The run is not running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response cancel(@PathParam("id") long id) {
        access.ownRun(id);
        return Response.accepted(RunView.of(review.cancel(id, access.caller().label())))
                .build();
    }
}
