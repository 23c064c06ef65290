package org.onewindow.harvester.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.ServiceVersion;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The record of truth as operators see it: a service's version history, and a full reindex. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    public record VersionView(long revision, String change, List<String> changedFields, Long runId, Instant changedAt) {
    }

    @Inject
    CataloguePublisher publisher;

    @GET
    @Path("/records/{id}/versions")
    public List<VersionView> versions(@PathParam("id") String id) {
        if (CatalogueRecord.findById(id) == null) {
            throw new NotFoundException("no record with id '" + id + "'");
        }
        return ServiceVersion.<ServiceVersion>list("recordId = ?1 order by revision", id).stream()
                .map(v -> new VersionView(v.revision, v.change.name().toLowerCase(),
                        v.changedFields.isEmpty() ? List.of() : List.of(v.changedFields.split(",")), v.runId, v.changedAt))
                .toList();
    }

    /** Rebuilds the search index from PostgreSQL into a fresh index and swaps the alias: no search downtime. */
    @POST
    @Path("/index/rebuild")
    public Map<String, Object> rebuild() throws IOException {
        return Map.of("indexed", publisher.rebuild());
    }
}
