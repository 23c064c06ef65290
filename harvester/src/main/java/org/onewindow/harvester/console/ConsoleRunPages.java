package org.onewindow.harvester.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.harvester.api.SourceAccess;
import org.onewindow.harvester.health.SourceHealths;
import org.onewindow.harvester.review.RunReview;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.store.HarvestError;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;

/**
 * A source's page (health, run history and its chart) and a run's page (live progress, counts, errors; for a run held
 * for review, what it would change and the approve and discard forms).
 */
@Path("/console")
@ConsolePage
public class ConsoleRunPages {

    /** The errors a run page lists; the rest are counted, and all are in the API. */
    static final int ERRORS_SHOWN = 200;
    /** The runs a source page charts and lists. */
    static final int RUNS_SHOWN = 30;

    @Inject
    @Location("console/run.html")
    Template runPage;

    @Inject
    @Location("console/source.html")
    Template sourcePage;

    @Inject
    ConsolePages pages;

    @Inject
    SourceAccess access;

    @Inject
    SourceHealths healths;

    @Inject
    HeldChanges heldChanges;

    @Inject
    RunReview review;

    @Inject
    HarvestService harvests;

    @Inject
    ConsoleRequest console;

    @GET
    @Path("/runs/{id}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public TemplateInstance run(@PathParam("id") long id) {
        HarvestRun run = access.ownRun(id);
        List<HarvestError> errors = QuarkusTransaction.requiringNew()
                .call(() -> HarvestError.<HarvestError>find("runId = ?1 order by id", id)
                        .page(0, ERRORS_SHOWN)
                        .list());
        long allErrors = QuarkusTransaction.requiringNew().call(() -> HarvestError.count("runId", id));
        return pages.page(runPage, "/console/runs/" + id)
                .data("run", run)
                .data("held", run.status == RunStatus.HELD ? heldChanges.of(id) : null)
                .data("reasonMissing", false)
                .data("progress", RunProgressView.of(run, Instant.now()))
                .data("errors", errors)
                .data("moreErrors", allErrors - errors.size());
    }

    /** Approves a held run: its changes are applied and published; who and why are kept. */
    @POST
    @Path("/runs/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public Response approve(
            @PathParam("id") long id, @FormParam("csrf") String csrf, @FormParam("reason") String reason) {
        return review(id, csrf, reason, true);
    }

    /** Discards a held run: the catalogue stays as it was; who and why are kept. */
    @POST
    @Path("/runs/{id}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public Response discard(
            @PathParam("id") long id, @FormParam("csrf") String csrf, @FormParam("reason") String reason) {
        return review(id, csrf, reason, false);
    }

    private Response review(long id, String csrf, String reason, boolean approve) {
        console.requireToken(csrf);
        access.ownRun(id);
        if (reason == null || reason.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(run(id).data("reasonMissing", true))
                    .build();
        }
        String reviewer = console.signedIn().caller().label();
        try {
            if (approve) {
                review.approve(id, reviewer, reason);
            } else {
                review.discard(id, reviewer, reason);
            }
        } catch (RunReview.WrongStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(run(id)).build();
        }
        return Response.seeOther(URI.create("/console/runs/" + id)).build();
    }

    /** What the run page's script reads every two seconds while the run goes. */
    @GET
    @Path("/runs/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public RunProgressView progress(@PathParam("id") long id) {
        return RunProgressView.of(access.ownRun(id), Instant.now());
    }

    /**
     * Starts a run of the source now, as the API's {@code POST /api/v1/sources/{id}/runs} does, and shows it; a run
     * already going is shown instead.
     */
    @POST
    @Path("/sources/{id}/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public Response startRun(@PathParam("id") String id, @FormParam("csrf") String csrf) {
        console.requireToken(csrf);
        access.requireOwn(id);
        long runId;
        try {
            runId = harvests.start(
                            id,
                            HarvestRun.Trigger.OPERATOR,
                            console.signedIn().caller().label())
                    .id;
        } catch (HarvestService.AlreadyRunningException e) {
            runId = e.runningRunId;
        } catch (HarvestService.DisabledSourceException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(source(id).data("refused", e.getMessage()))
                    .build();
        } catch (HarvestService.UnknownSourceException e) {
            throw new NotFoundException(e.getMessage());
        }
        return Response.seeOther(URI.create("/console/runs/" + runId)).build();
    }

    @GET
    @Path("/sources/{id}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public TemplateInstance source(@PathParam("id") String id) {
        access.requireOwn(id);
        Source source = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id));
        if (source == null || source.deleted()) {
            throw new NotFoundException("no source " + id);
        }
        List<HarvestRun> runs = QuarkusTransaction.requiringNew().call(() -> HarvestRun.newestFor(id, RUNS_SHOWN));
        return pages.page(sourcePage, "/console/sources/" + id)
                .data("source", source)
                .data("health", healths.of(source, Instant.now()))
                .data("runs", runs)
                .data("chart", RunChart.of(runs))
                .data("refused", null);
    }
}
