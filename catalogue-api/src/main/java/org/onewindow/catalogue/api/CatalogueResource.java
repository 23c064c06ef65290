package org.onewindow.catalogue.api;

import java.io.IOException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.catalogue.jsonld.CpsvCatalogue;
import org.onewindow.catalogue.search.ServiceSearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;

/** The whole catalogue in the EU's public-service vocabulary, for other catalogues to harvest. */
@Path("/api/v1/catalogue.jsonld")
public class CatalogueResource {

    @Inject
    ServiceSearch search;

    @Inject
    ObjectMapper json;

    @Context
    HttpServerRequest http;

    @GET
    @Produces("application/ld+json")
    @Operation(summary = "Every service as CPSV-AP 3.2 JSON-LD (cpsv:PublicService, cv:PublicOrganisation), inline @context")
    public JsonNode catalogue() throws IOException {
        String self = http.absoluteURI();
        CpsvCatalogue catalogue = new CpsvCatalogue(json, self.substring(0, self.indexOf("/api/v1/")));
        search.forEachService(catalogue::add);
        return catalogue.document();
    }
}
