package org.onewindow.harvester.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.ServiceVersion;

/** The record of truth as operators see it: a service's version history, and a full reindex. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private static final Logger LOG = Logger.getLogger(CatalogueResource.class);

    @Inject
    CurrentCaller caller;

    public record VersionView(
            long revision, String change, List<String> changedFields, Long runId, Instant changedAt) {}

    @Inject
    CataloguePublisher publisher;

    /** What a rebuild answers: how many services the fresh index holds. */
    public record Rebuilt(long indexed) {}

    @GET
    @Path("/records/{id}/versions")
    @Tag(name = "Catalogue")
    @Operation(
            operationId = "listRecordVersions",
            summary = "Every revision of a service: added, updated (with the fields that changed), withdrawn")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first")
    @APIResponse(
            responseCode = "404",
            description = "No service has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public List<VersionView> versions(@PathParam("id") String id) {
        if (CatalogueRecord.findById(id) == null) {
            throw new NotFoundException("no record with id '" + id + "'");
        }
        return ServiceVersion.<ServiceVersion>list("recordId = ?1 order by revision", id).stream()
                .map(v -> new VersionView(
                        v.revision,
                        v.change.name().toLowerCase(Locale.ROOT),
                        v.changedFields.isEmpty() ? List.of() : List.of(v.changedFields.split(",")),
                        v.runId,
                        v.changedAt))
                .toList();
    }

    /** Rebuilds the search index from PostgreSQL into a fresh index and swaps the alias: no search downtime. */
    @POST
    @Path("/index/rebuild")
    @Tag(name = "Catalogue")
    @Operation(
            operationId = "rebuildIndex",
            summary =
                    "Rebuilds the search index from PostgreSQL into a fresh index and swaps the alias: no search downtime")
    @APIResponse(
            responseCode = "200",
            description = "Rebuilt",
            content = @Content(schema = @Schema(implementation = Rebuilt.class)))
    public Rebuilt rebuild() throws IOException {
        LOG.infof("index rebuild asked for by %s", caller.get().label());
        return new Rebuilt(publisher.rebuild());
    }
}
