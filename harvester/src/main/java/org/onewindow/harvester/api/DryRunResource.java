package org.onewindow.harvester.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.harvester.dryrun.DryRun;

/** Dry-run of a mapping file against the live site: what would be harvested, and what is wrong, storing nothing. */
@Path("/api/v1/sources/dry-run")
public class DryRunResource {

    private static final List<String> PARAMETERS = List.of("limit", "offset", "diff");

    @Inject
    DryRun dryRun;

    @Inject
    SourceAccess access;

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Mappings")
    @Operation(
            operationId = "dryRunMapping",
            summary = "Dry-run a mapping file (YAML body) against the live site; stores nothing")
    @APIResponse(
            responseCode = "200",
            description = "What the source gives: per record its raw fields, the mapped record and its problems",
            content = @Content(schema = @Schema(implementation = DryRun.Report.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a mapping file, one with problems (errors names each, with its line), an unknown"
                    + " parameter, or a limit or offset that is not a whole number in range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @AgenciesMay
    public Response dryRun(
            String mapping,
            @QueryParam("limit")
                    @DefaultValue("10")
                    @Parameter(description = "Records to try, at most onewindow.harvest.dry-run-max-records")
                    int limit,
            @QueryParam("offset")
                    @DefaultValue("0")
                    @Parameter(description = "Listed records to pass over: page on with the answer's nextOffset")
                    int offset,
            @QueryParam("diff")
                    @DefaultValue("false")
                    @Parameter(
                            description = "Compare with what is published for the file's source: which records would"
                                    + " be added, updated (which fields), or are no longer listed")
                    boolean diff,
            @Context UriInfo uri) {
        List<Problem.ParameterError> wrong = new ArrayList<>();
        for (String parameter : uri.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(parameter)) {
                wrong.add(new Problem.ParameterError(
                        parameter, "unknown parameter; known: " + String.join(", ", PARAMETERS)));
            }
        }
        return dryRun(mapping, offset, limit, diff, wrong);
    }

    /** The same dry-run for the console's onboarding page: the same checks and access rules, the same answer. */
    public Response dryRun(String mapping, int offset, int limit, boolean diff) {
        return dryRun(mapping, offset, limit, diff, new ArrayList<>());
    }

    private Response dryRun(String mapping, int offset, int limit, boolean diff, List<Problem.ParameterError> wrong) {
        if (limit < 1) {
            wrong.add(new Problem.ParameterError("limit", "must be at least 1"));
        }
        if (offset < 0) {
            wrong.add(new Problem.ParameterError("offset", "must be 0 or more"));
        }
        if (!wrong.isEmpty()) {
            return Problem.response(Response.Status.BAD_REQUEST, "the dry-run's parameters are not right", wrong);
        }
        PostedMapping posted = PostedMapping.read(mapping);
        if (!posted.ok()) {
            return posted.problem();
        }
        access.requireMayPublish(posted.definition()); // an agency tries only what it may publish, on its hosts
        try {
            return Response.ok(dryRun.run(posted.definition(), offset, limit, diff))
                    .build();
        } catch (RuntimeException e) {
            return posted.unworkable(e);
        }
    }
}
