package org.onewindow.harvester.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.health.SourceHealth;
import org.onewindow.harvester.health.SourceHealths;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.schedule.SourceSchedules;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.source.SourceChanges;
import org.onewindow.harvester.source.SourceSettings;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.SourceVersion;
import org.onewindow.mappings.source.SourceDefinition;

/** Sources: their latest run, starting a run now, and the sources themselves as data (create, replace, versions). */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    public record SourceView(
            String id,
            String kind,
            AgencyView agency,
            String schedule,
            boolean enabled,
            LastRun lastRun,
            HealthView health) {}

    /** A source's health ({@link SourceHealth}): green, red (with why) or disabled. */
    public record HealthView(
            @Schema(enumeration = {"green", "red", "disabled"})
            String state,

            List<String> reasons,
            Instant lastSucceeded,

            @Schema(description = "when it turns red if no run succeeds before")
            Instant staleAfter,

            Instant nextRun) {
        static HealthView of(SourceHealth health) {
            return new HealthView(
                    health.state().name().toLowerCase(Locale.ROOT),
                    health.reasons(),
                    health.lastSucceeded(),
                    health.staleAfter(),
                    health.nextRun());
        }
    }

    public record AgencyView(String code, String name, String type) {}

    public record LastRun(long id, String status, RunView.Counts counts, Instant startedAt, Instant finishedAt) {}

    @Inject
    SourceCatalog sources;

    @Inject
    HarvestService harvests;

    @Inject
    SourceChanges changes;

    @Inject
    CataloguePublisher publisher;

    private static final Logger LOG = Logger.getLogger(SourcesResource.class);

    @Inject
    SourceSchedules schedules;

    @Inject
    HarvesterConfig config;

    @Inject
    SourceAccess access;

    @Inject
    SourceHealths healths;

    public record SourceDetail(
            String id,
            String kind,
            AgencyView agency,
            String schedule,
            boolean enabled,
            int version,
            String fileDrift,
            HealthView health) {}

    /** What deleting a source did. */
    public record SourceDeleted(String id, int withdrawn, int version) {}

    public record SourceVersionView(
            int version, String origin, String fileName, String changedBy, String reason, Instant changedAt) {}

    /** What a started run answers: its id, where to follow it (Location), and that it is running. */
    public record RunStarted(long id, String sourceId, String status) {}

    @GET
    @Tag(name = "Sources")
    @Operation(operationId = "listSources", summary = "Every source, its agency, schedule and last run")
    @AgenciesMay
    public List<SourceView> list() {
        List<Source> visible = sources.all().stream().filter(access::mayActOn).toList();
        Map<String, SourceHealth> health = healths.of(visible, Instant.now());
        return visible.stream()
                .map(source -> new SourceView(
                        source.id,
                        source.kind,
                        new AgencyView(source.agencyCode, source.agencyName, source.agencyType),
                        source.schedule,
                        source.enabled,
                        HarvestRun.latestFor(source.id)
                                .map(run -> new LastRun(
                                        run.id,
                                        run.status.name().toLowerCase(Locale.ROOT),
                                        RunView.Counts.of(run),
                                        run.startedAt,
                                        run.finishedAt))
                                .orElse(null),
                        HealthView.of(health.get(source.id))))
                .toList();
    }

    @GET
    @Path("/{id}/runs")
    @Tag(name = "Sources")
    @Operation(operationId = "listSourceRuns", summary = "The source's newest runs, newest first")
    @APIResponse(
            responseCode = "200",
            description = "The runs",
            content = @Content(schema = @Schema(implementation = RunView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "400",
            description = "limit is not a whole number from 1 to 500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response runs(
            @PathParam("id") String sourceId,
            @QueryParam("limit") @DefaultValue("20") @Parameter(description = "Runs listed at most (1 to 500)")
                    int limit) {
        access.requireOwn(sourceId);
        if (limit < 1 || limit > 500) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "limit must be 1 to 500",
                    List.of(new Problem.ParameterError("limit", "1 to 500, not " + limit)));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Source source = Source.findById(sourceId);
            if (source == null || source.deleted()) {
                return Problem.response(Response.Status.NOT_FOUND, "no source " + sourceId);
            }
            return Response.ok(HarvestRun.newestFor(sourceId, limit).stream()
                            .map(RunView::of)
                            .toList())
                    .build();
        });
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
            description = "A run of the source is going (its id in runningRunId), or the source is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response startRun(@PathParam("id") String sourceId) {
        access.requireOwn(sourceId);
        HarvestRun run = harvests.start(
                sourceId, HarvestRun.Trigger.OPERATOR, access.caller().label());
        return Response.accepted(new RunStarted(run.id, sourceId, "running"))
                .header("Location", "/api/v1/runs/" + run.id)
                .build();
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Tag(name = "Sources")
    @Operation(
            operationId = "createSource",
            summary = "Creates a source from a mapping file (YAML body), scheduled at once; its version 1")
    @APIResponse(
            responseCode = "201",
            description = "Created; the source at the Location answered",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a mapping file, one with problems (errors names each, with its line), or settings the"
                    + " connector refuses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "A source has the file's id: replace its mapping instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response create(
            String mapping,
            @QueryParam("reason") @Parameter(description = "Why, kept with the version") String reason) {
        PostedMapping posted = PostedMapping.read(mapping);
        if (!posted.ok()) {
            return posted.problem();
        }
        access.requireMayPublish(posted.definition());
        Response unworkable =
                unworkable(posted, storedSettings(posted.definition().id()));
        if (unworkable != null) {
            return unworkable;
        }
        try {
            Source source = changes.create(posted.definition(), mapping, access.editor(), reason);
            schedules.follow(source);
            return Response.created(URI.create("/api/v1/sources/" + source.id))
                    .entity(detail(source))
                    .build();
        } catch (SourceChanges.SourceConflict e) {
            return Problem.response(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @PUT
    @Path("/{id}/mapping")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Tag(name = "Sources")
    @Operation(
            operationId = "replaceSourceMapping",
            summary = "Replaces a source's mapping file (YAML body): a new version, schedule followed at once; a run"
                    + " going keeps the mapping it started with")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a mapping file, one with problems, settings the connector refuses, or another id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id: create it instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response replace(
            @PathParam("id") String sourceId,
            String mapping,
            @QueryParam("reason") @Parameter(description = "Why, kept with the version") String reason) {
        access.requireOwn(sourceId);
        PostedMapping posted = PostedMapping.read(mapping);
        if (!posted.ok()) {
            return posted.problem();
        }
        if (!posted.definition().id().equals(sourceId)) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "the file's id is '" + posted.definition().id() + "', not '" + sourceId + "'",
                    List.of(new Problem.ParameterError("mapping", "id: must be " + sourceId)));
        }
        access.requireMayPublish(posted.definition());
        Response unworkable = unworkable(posted, storedSettings(sourceId));
        if (unworkable != null) {
            return unworkable;
        }
        try {
            Source source = changes.replace(posted.definition(), mapping, access.editor(), reason);
            schedules.follow(source);
            return Response.ok(detail(source)).build();
        } catch (SourceChanges.SourceConflict e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    @Tag(name = "Sources")
    @Operation(
            operationId = "getSource",
            summary = "A source: its agency, schedule, current version, and whether its mapping file differs")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Transactional
    @AgenciesMay
    public Response get(@PathParam("id") String sourceId) {
        access.requireOwn(sourceId);
        Source source = Source.findById(sourceId);
        if (source != null && source.deleted()) {
            return Problem.response(
                    Response.Status.NOT_FOUND,
                    "source " + sourceId + " was deleted at " + source.deletedAt + "; its versions remain");
        }
        return source == null
                ? Problem.response(Response.Status.NOT_FOUND, "no source " + sourceId)
                : Response.ok(detail(source)).build();
    }

    @GET
    @Path("/{id}/versions")
    @Tag(name = "Sources")
    @Operation(
            operationId = "listSourceVersions",
            summary = "Every version of a source's mapping: where it came from, who, when and why")
    @APIResponse(
            responseCode = "200",
            description = "The versions, oldest first",
            content = @Content(schema = @Schema(implementation = SourceVersionView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response versions(@PathParam("id") String sourceId) {
        access.requireOwn(sourceId);
        List<SourceVersionView> versions = changes.versions(sourceId).stream()
                .map(v -> new SourceVersionView(
                        v.version,
                        v.origin.name().toLowerCase(Locale.ROOT),
                        v.fileName,
                        v.changedBy,
                        v.reason,
                        v.changedAt))
                .toList();
        return versions.isEmpty()
                ? Problem.response(Response.Status.NOT_FOUND, "no source " + sourceId)
                : Response.ok(versions).build();
    }

    @POST
    @Path("/{id}/disable")
    @Tag(name = "Sources")
    @Operation(
            operationId = "disableSource",
            summary = "Disables a source: no schedule, no run, its records and history kept; a run going finishes")
    @APIResponse(
            responseCode = "200",
            description = "Disabled (a new version), or already so",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response disable(
            @PathParam("id") String sourceId,
            @QueryParam("reason") @Parameter(description = "Why, kept with the version") String reason) {
        return enable(sourceId, false, reason);
    }

    @POST
    @Path("/{id}/enable")
    @Tag(name = "Sources")
    @Operation(operationId = "enableSource", summary = "Enables a disabled source again: scheduled at once")
    @APIResponse(
            responseCode = "200",
            description = "Enabled (a new version), or already so",
            content = @Content(schema = @Schema(implementation = SourceDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response enable(
            @PathParam("id") String sourceId,
            @QueryParam("reason") @Parameter(description = "Why, kept with the version") String reason) {
        return enable(sourceId, true, reason);
    }

    @DELETE
    @Path("/{id}")
    @Tag(name = "Sources")
    @Operation(
            operationId = "deleteSource",
            summary = "Deletes a source: its records withdrawn (out of search at once), its schedule gone, its history"
                    + " (versions, runs, withdrawn records) kept")
    @APIResponse(
            responseCode = "200",
            description = "Deleted: how many records were withdrawn, and the version that deleted it",
            content = @Content(schema = @Schema(implementation = SourceDeleted.class)))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "A run of the source is going (its id in runningRunId): cancel it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(
            @PathParam("id") String sourceId,
            @QueryParam("reason") @Parameter(description = "Why, kept with the version") String reason) {
        int withdrawn;
        try {
            withdrawn = changes.delete(sourceId, access.caller().label(), reason);
        } catch (SourceChanges.SourceConflict e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
        if (config.harvest().schedulesEnabled()) {
            schedules.unregister(sourceId);
        }
        try {
            publisher.publishPending();
        } catch (Exception e) { // the outbox keeps the withdrawals; the next drain publishes them
            LOG.warnf("source %s deleted; its withdrawals wait in the outbox: %s", sourceId, e.getMessage());
        }
        int version = changes.versions(sourceId).size();
        return Response.ok(new SourceDeleted(sourceId, withdrawn, version)).build();
    }

    private Response enable(String sourceId, boolean enabled, String reason) {
        try {
            Source changed = changes.enable(sourceId, enabled, access.caller().label(), reason);
            if (changed != null) {
                schedules.follow(changed);
            }
            return get(sourceId);
        } catch (SourceChanges.SourceConflict e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** The 400 when the connector refuses the mapping with the source's settings, else null. */
    private Response unworkable(PostedMapping posted, SourceSettings settings) {
        SourceDefinition definition = posted.definition();
        try {
            sources.check(definition, sources.settings(definition.id(), settings, definition));
            return null;
        } catch (RuntimeException e) {
            return posted.unworkable(e);
        }
    }

    /** What an operator set for the source of this id (kept by a deleted one, for when it comes back), else none. */
    private static SourceSettings storedSettings(String sourceId) {
        Source source = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(sourceId));
        return source == null ? SourceSettings.NONE : SourceSettings.stored(source.settings);
    }

    private SourceDetail detail(Source source) {
        return new SourceDetail(
                source.id,
                source.kind,
                new AgencyView(source.agencyCode, source.agencyName, source.agencyType),
                source.schedule,
                source.enabled,
                SourceVersion.current(source.id).map(v -> v.version).orElse(0),
                source.fileDrift,
                HealthView.of(healths.of(source, Instant.now())));
    }
}
