package org.onewindow.harvester.api;

import java.time.Instant;
import java.util.List;

import org.onewindow.harvester.run.RunReview;
import org.onewindow.harvester.store.HarvestError;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.StagedChange;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A run's status, counts, cost and errors; the changes of a held run, and the operator's decisions on runs. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    public record ErrorView(String stage, String url, String recordId, String message, Instant at) {
    }

    public record ChangeView(String recordId, String change, String url) {
    }

    @Inject
    RunReview review;

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

    /** The changes a held (or running) run would make, for review. */
    @GET
    @Path("/{id}/changes")
    public List<ChangeView> changes(@PathParam("id") long id) {
        find(id);
        return StagedChange.<StagedChange>list("runId = ?1 order by id", id).stream()
                .map(c -> new ChangeView(c.recordId, c.change.name().toLowerCase(), c.url)).toList();
    }

    @POST
    @Path("/{id}/approve")
    public RunView approve(@PathParam("id") long id) {
        return RunView.of(review.approve(id, "operator"));
    }

    @POST
    @Path("/{id}/discard")
    public RunView discard(@PathParam("id") long id) {
        return RunView.of(review.discard(id, "operator"));
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        return Response.accepted(RunView.of(review.cancel(id))).build();
    }

    private static HarvestRun find(long id) {
        HarvestRun run = HarvestRun.findById(id);
        if (run == null) {
            throw new NotFoundException("no run with id " + id);
        }
        return run;
    }
}
