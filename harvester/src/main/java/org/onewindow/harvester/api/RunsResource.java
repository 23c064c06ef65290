package org.onewindow.harvester.api;

import java.time.Instant;
import java.util.List;

import org.onewindow.harvester.store.HarvestError;
import org.onewindow.harvester.store.HarvestRun;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A run's status and counts, and its errors. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    public record ErrorView(String stage, String url, String recordId, String message, Instant at) {
    }

    @GET
    @Path("/{id}")
    public RunView get(@PathParam("id") long id) {
        return RunView.of(find(id));
    }

    @GET
    @Path("/{id}/errors")
    public List<ErrorView> errors(@PathParam("id") long id) {
        find(id);
        return HarvestError.<HarvestError>list("runId = ?1 order by id", id).stream()
                .map(e -> new ErrorView(e.stage.name().toLowerCase(), e.url, e.recordId, e.message, e.createdAt)).toList();
    }

    private static HarvestRun find(long id) {
        HarvestRun run = HarvestRun.findById(id);
        if (run == null) {
            throw new NotFoundException("no run with id " + id);
        }
        return run;
    }
}
