package org.onewindow.harvester.api;

import java.util.List;
import java.util.Map;

import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.HarvestRun;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sources and their latest run; starting a run now. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    public record SourceView(String id, String kind, AgencyView agency, String schedule, LastRun lastRun) {
    }

    public record AgencyView(String code, String name, String type) {
    }

    public record LastRun(long id, String status, RunView.Counts counts, java.time.Instant startedAt, java.time.Instant finishedAt) {
    }

    @Inject
    SourceCatalog sources;

    @Inject
    HarvestService harvests;

    @GET
    public List<SourceView> list() {
        return sources.all().stream().map(source -> new SourceView(source.id, source.kind,
                new AgencyView(source.agencyCode, source.agencyName, source.agencyType), source.schedule,
                HarvestRun.latestFor(source.id).map(run -> new LastRun(run.id, run.status.name().toLowerCase(),
                        RunView.Counts.of(run), run.startedAt, run.finishedAt)).orElse(null))).toList();
    }

    @POST
    @Path("/{id}/runs")
    public Response startRun(@PathParam("id") String sourceId) {
        HarvestRun run = harvests.start(sourceId, HarvestRun.Trigger.OPERATOR);
        return Response.accepted(Map.of("id", run.id, "sourceId", sourceId, "status", "running"))
                .header("Location", "/api/v1/runs/" + run.id).build();
    }
}
