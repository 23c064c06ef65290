package org.onewindow.harvester.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.harvester.dryrun.DryRun;
import org.onewindow.mappings.source.SourceDefinitionReader;

/** Dry-run of a mapping file against the live site: what would be harvested, and what is wrong, storing nothing. */
@Path("/api/v1/sources/dry-run")
public class DryRunResource {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    DryRun dryRun;

    private final SourceDefinitionReader reader = new SourceDefinitionReader();

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
            description = "Not a mapping file, or one with problems (errors names each, with its line)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response dryRun(
            String mapping,
            @QueryParam("limit")
                    @DefaultValue("10")
                    @Parameter(description = "Records to try, at most onewindow.harvest.dry-run-max-records")
                    int limit) {
        if (mapping == null || mapping.isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "the body must be a mapping file (YAML)", List.of());
        }
        SourceDefinitionReader.Result result = reader.read("sources/" + declaredId(mapping) + ".yaml", mapping);
        if (!result.ok()) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "the mapping file has problems",
                    result.problems().stream()
                            .map(p -> new Problem.ParameterError("mapping", p))
                            .toList());
        }
        try {
            return Response.ok(dryRun.run(result.definition(), limit)).build();
        } catch (RuntimeException e) {
            return Problem.response(
                    Response.Status.BAD_REQUEST,
                    "the connector settings cannot work",
                    List.of(new Problem.ParameterError("mapping", e.getMessage())));
        }
    }

    /** The file's own id, so the reader's file-name rule holds for a file that has no name yet. */
    private static String declaredId(String mapping) {
        try {
            JsonNode id = YAML.readTree(mapping).path("id");
            return id.isTextual() ? id.asText() : "dry-run";
        } catch (Exception e) {
            return "dry-run";
        }
    }
}
