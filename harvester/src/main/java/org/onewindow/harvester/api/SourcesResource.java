package org.onewindow.harvester.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.HarvestRun;

/** Sources and their latest run; starting a run now. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    public record SourceView(String id, String kind, AgencyView agency, String schedule, LastRun lastRun) {}

    public record AgencyView(String code, String name, String type) {}

    public record LastRun(long id, String status, RunView.Counts counts, Instant startedAt, Instant finishedAt) {}

    @Inject
    SourceCatalog sources;

    @Inject
    HarvestService harvests;

    /** What a started run answers: its id, where to follow it (Location), and that it is running. */
    public record RunStarted(long id, String sourceId, String status) {}

    @GET
    @Tag(name = "Sources")
    @Operation(operationId = "listSources", summary = "Every source, its agency, schedule and last run")
    public List<SourceView> list() {
        return sources.all().stream()
                .map(source -> new SourceView(
                        source.id,
                        source.kind,
                        new AgencyView(source.agencyCode, source.agencyName, source.agencyType),
                        source.schedule,
                        HarvestRun.latestFor(source.id)
                                .map(run -> new LastRun(
                                        run.id,
                                        run.status.name().toLowerCase(),
                                        RunView.Counts.of(run),
                                        run.startedAt,
                                        run.finishedAt))
                                .orElse(null)))
                .toList();
    }

    @POST
    @Path("/{id}/runs")
    @Tag(name = "Sources")
    @Operation(
            operationId = "startRun",
            summary = "Starts a harvest run of the source now; follow it at the Location answered")
    @APIResponse(
            responseCode = "202",
            description = "Started",
            content = @Content(schema = @Schema(implementation = RunStarted.class)))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "A run of the source is going (its id in runningRunId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response startRun(@PathParam("id") String sourceId) {
        HarvestRun run = harvests.start(sourceId, HarvestRun.Trigger.OPERATOR);
        return Response.accepted(new RunStarted(run.id, sourceId, "running"))
                .header("Location", "/api/v1/runs/" + run.id)
                .build();
    }
}
