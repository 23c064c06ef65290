package org.onewindow.harvester.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.push.PingRateLimit;
import org.onewindow.harvester.push.PingTargets;
import org.onewindow.harvester.push.Pings;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.signals.RateLimitCounter;

/**
 * Push: an agency names the pages that changed (IndexNow and WebSub in spirit), and each is read again at once through
 * the harvest's pipeline and politeness; or it nudges a whole source.
 */
@Path("/api/v1/ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    public record PingRequest(
            @Schema(description = "Pages that changed (absolute URLs), at most onewindow.push.max-urls")
            List<String> urls,

            @Schema(description = "A source to harvest whole now (if no run of it is going)")
            String sourceId) {}

    /** A page read again by {@code runId} ({@code waiting}: after that run of its source, which was going). */
    public record AcceptedPage(String url, String sourceId, String sourceRecordId, long runId, boolean waiting) {}

    public record IgnoredPage(String url, String reason) {}

    /** A source harvested whole: by a run started now, or the run going ({@code alreadyRunning}). */
    public record NudgedSource(String sourceId, long runId, boolean alreadyRunning, String reason) {}

    public record PingAnswer(List<AcceptedPage> accepted, List<IgnoredPage> ignored, List<NudgedSource> nudged) {}

    @Inject
    RateLimitCounter rateLimits;

    @Inject
    PingTargets targets;

    @Inject
    Pings pings;

    @Inject
    PingRateLimit rateLimit;

    @Inject
    HarvestService harvests;

    @Inject
    SourceAccess access;

    @Inject
    HarvesterConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AgenciesMay
    @Tag(name = "Push")
    @Operation(
            operationId = "ping",
            summary = "Names pages that changed (each read again at once) or a source to harvest now; URLs that are"
                    + " not a record page of the key's sources are named and ignored")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: which pages are read by which run, which were ignored and why, which sources were"
                    + " harvested whole",
            content = @Content(schema = @Schema(implementation = PingAnswer.class)))
    @APIResponse(
            responseCode = "400",
            description = "Neither urls nor sourceId, or too many URLs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No source has the sourceId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The source is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response ping(PingRequest request) {
        List<String> urls = request == null || request.urls() == null ? List.of() : request.urls();
        String sourceId = request == null ? null : request.sourceId();
        if (urls.isEmpty() == (sourceId == null)) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "name the pages that changed (urls) or a source to harvest (sourceId), one of the two",
                    List.of(new Problem.ParameterError("urls", "required unless sourceId is given")));
        }
        if (urls.size() > config.push().maxUrls()) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "at most " + config.push().maxUrls() + " URLs per ping",
                    List.of(new Problem.ParameterError("urls", urls.size() + " URLs")));
        }
        Caller caller = access.caller();
        OptionalLong wait =
                rateLimit.take(caller.operator() ? "operators" : caller.agencyCode(), Math.max(1, urls.size()));
        if (wait.isPresent()) {
            rateLimits.rejected("pings");
            return Response.fromResponse(Problem.response(
                            Response.Status.TOO_MANY_REQUESTS,
                            "more pages than onewindow.push.pages-per-minute allows this agency; retry after "
                                    + wait.getAsLong() + " s"))
                    .header("Retry-After", wait.getAsLong())
                    .build();
        }
        List<NudgedSource> nudged = new ArrayList<>();
        if (sourceId != null) {
            access.requireOwn(sourceId);
            nudged.add(nudge(sourceId, "asked for"));
            return Response.accepted(new PingAnswer(List.of(), List.of(), nudged))
                    .build();
        }
        PingTargets.Resolved resolved = targets.resolve(urls, access::mayActOn);
        List<AcceptedPage> accepted = new ArrayList<>();
        List<IgnoredPage> ignored = new ArrayList<>();
        resolved.ignored().forEach((url, reason) -> ignored.add(new IgnoredPage(url, reason)));
        resolved.pagesBySource().forEach((source, pages) -> {
            try {
                Pings.Started started = pings.read(
                        source, pages.stream().map(PingTargets.Page::ref).toList(), caller.label());
                for (PingTargets.Page page : pages) {
                    RecordRef ref = page.ref();
                    accepted.add(new AcceptedPage(
                            page.url(), source, ref.sourceRecordId(), started.runId(), started.waitingForIt()));
                }
            } catch (HarvestService.DisabledSourceException | HarvestService.UnknownSourceException e) {
                pages.forEach(page -> ignored.add(new IgnoredPage(page.url(), e.getMessage())));
            }
        });
        resolved.nudgedBecause().forEach((source, reason) -> nudged.add(nudge(source, reason)));
        return Response.accepted(new PingAnswer(accepted, ignored, nudged)).build();
    }

    /** A run of the whole source now, or the one going. */
    private NudgedSource nudge(String sourceId, String reason) {
        try {
            HarvestRun run = harvests.start(
                    sourceId, HarvestRun.Trigger.PING, access.caller().label());
            return new NudgedSource(sourceId, run.id, false, reason);
        } catch (HarvestService.AlreadyRunningException running) {
            return new NudgedSource(sourceId, running.runningRunId, true, reason);
        }
    }
}
