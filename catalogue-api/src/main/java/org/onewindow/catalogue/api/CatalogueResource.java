package org.onewindow.catalogue.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalogue.export.CatalogueExports;
import org.onewindow.catalogue.export.CatalogueVersion;
import org.onewindow.catalogue.export.CatalogueVersions;

/**
 * The whole catalogue in the EU's public-service vocabulary, for other catalogues to harvest: written once per
 * catalogue version ({@link CatalogueExports}) and sent from that file, its ETag that version's (so
 * {@link HttpCaching} leaves it alone), its IRIs on the configured public base URL.
 */
@Path("/api/v1/catalogue.jsonld")
public class CatalogueResource {

    static final String JSON_LD = "application/ld+json";

    @Inject
    CatalogueVersions versions;

    @Inject
    CatalogueExports exports;

    @Context
    RoutingContext routing;

    @GET
    @Produces(JSON_LD)
    @Tag(name = "Catalogue")
    @APIResponse(
            responseCode = "200",
            description = "The catalogue (streamed; the ETag names its version)",
            content = @Content(mediaType = JSON_LD, schema = @Schema(ref = "CpsvCatalogueJsonLd")))
    @Operation(
            operationId = "exportCatalogue",
            summary =
                    "Every service as CPSV-AP 3.2 JSON-LD (cpsv:PublicService, cv:PublicOrganisation), inline @context")
    public Response catalogue(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws IOException, SQLException {
        CatalogueVersion version = versions.current();
        String etag = version.etag();
        if (ifNoneMatch != null && HttpCaching.matches(ifNoneMatch, etag)) {
            return cached(Response.notModified(), etag);
        }
        CatalogueExports.Export export = exports.open(version);
        try {
            routing.addEndHandler(ended -> export.close());
        } catch (RuntimeException e) {
            export.close();
            throw e;
        }
        // A file entity goes out paced by the client's socket, never whole in the heap: with sendfile, or read in
        // chunks
        // and gzipped on the way for a client that accepts it.
        return cached(Response.ok(export.file(), JSON_LD), etag);
    }

    private static Response cached(Response.ResponseBuilder response, String etag) {
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, HttpCaching.CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpCaching.VARY)
                .build();
    }
}
