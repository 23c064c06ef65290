package org.onewindow.harvester.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.harvester.schedule.SourceSchedules;
import org.onewindow.harvester.source.EffectiveSettings;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.source.SourceChanges;
import org.onewindow.harvester.source.SourceSettings;
import org.onewindow.harvester.store.Source;
import org.onewindow.mappings.source.SourceDefinition;

/** A source's settings beyond its mapping file, set by operators as data: read and replaced, each change a version. */
@Path("/api/v1/sources/{id}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SourceSettingsResource {

    @Inject
    SourceCatalog sources;

    @Inject
    SourceChanges changes;

    @Inject
    SourceSchedules schedules;

    @Inject
    SourceAccess access;

    /** A source's settings: what the effective value of each is and where it comes from. */
    public record SettingsView(SourceSettings set, EffectiveView effective, Map<String, String> from) {}

    public record EffectiveView(
            String baseUrl,
            long delayMillis,
            String schedule,
            boolean allowPrivateNetworks,
            List<String> secrets,
            double reviewThreshold,
            String recordTimeout,
            boolean publishesForOthers) {}

    @GET
    @Tag(name = "Sources")
    @Operation(
            operationId = "getSourceSettings",
            summary = "A source's settings beyond its mapping file: those an operator set, each one's effective value"
                    + " and where it comes from (api, configuration, mapping or default)")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response get(@PathParam("id") String sourceId) {
        access.requireOwn(sourceId);
        Source source = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(sourceId));
        if (source == null || source.deleted()) {
            return Problem.response(Response.Status.NOT_FOUND, "no source " + sourceId);
        }
        return Response.ok(settingsView(source)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Sources")
    @Operation(
            operationId = "replaceSourceSettings",
            summary = "Replaces what an operator sets for a source beyond its mapping file (a setting left out is"
                    + " unset): a new version, schedule followed at once; a run going keeps the settings it started"
                    + " with")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SourceSettings.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced (a new version), or already so",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unknown setting, a value that cannot work (errors names each setting), or settings the"
                    + " connector refuses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No source has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response replace(
            @PathParam("id") String sourceId,
            String body,
            @QueryParam("reason") @Parameter(description = "Why, kept with the version") String reason) {
        SourceSettings.Read read = SourceSettings.read(body);
        if (read.problem() != null) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "the settings cannot be read",
                    List.of(new Problem.ParameterError(
                            read.problem().setting(), read.problem().message())));
        }
        SourceSettings settings = read.settings();
        if (!settings.problems().isEmpty()) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "the settings cannot work",
                    settings.problems().stream()
                            .map(p -> new Problem.ParameterError(p.setting(), p.message()))
                            .toList());
        }
        Source stored = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(sourceId));
        if (stored == null || stored.deleted()) {
            return Problem.response(Response.Status.NOT_FOUND, "no source " + sourceId);
        }
        SourceDefinition definition = sources.definition(stored);
        try {
            sources.check(definition, sources.settings(sourceId, settings, definition));
        } catch (RuntimeException e) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "the connector cannot work with these settings",
                    List.of(new Problem.ParameterError("settings", e.getMessage())));
        }
        try {
            Source changed =
                    changes.configure(sourceId, settings, access.caller().label(), reason);
            if (changed != null) {
                schedules.follow(changed);
            }
        } catch (SourceChanges.SourceConflict e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
        return get(sourceId);
    }

    private SettingsView settingsView(Source source) {
        EffectiveSettings effective = sources.settings(source, sources.definition(source));
        return new SettingsView(
                SourceSettings.stored(source.settings),
                new EffectiveView(
                        effective.baseUrl(),
                        effective.delayMillis(),
                        effective.schedule(),
                        effective.allowPrivateNetworks(),
                        effective.secrets().stream().sorted().toList(),
                        effective.reviewThreshold(),
                        effective.recordTimeout().toString(),
                        effective.publishesForOthers()),
                new TreeMap<>(effective.from()));
    }
}
