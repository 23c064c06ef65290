package org.onewindow.catalogue.api;

import java.io.IOException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.onewindow.catalogue.search.SearchPage;
import org.onewindow.catalogue.search.ServiceSearch;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The public, read-only catalogue: search and details. No key, no personal data. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    static final int MAX_RESULT_WINDOW = 10_000;

    @Inject
    ServiceSearch search;

    @GET
    @Operation(summary = "Search services", description = "Korean full-text search over name, summary, audience and benefits; an empty q lists all.")
    public SearchPage search(
            @Parameter(description = "Search text, e.g. 청년") @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String q,
            @Parameter(description = "Page number, from 1") @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "must be 1 or more") int page,
            @Parameter(description = "Results per page, 1-100") @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100") int size,
            @Parameter(description = "Language of name and summary: ko (default) or en; falls back to the other when a service has none")
            @QueryParam("lang") @DefaultValue("ko") @Pattern(regexp = "ko|en", message = "must be ko or en") String lang)
            throws IOException {
        if ((long) page * size > MAX_RESULT_WINDOW) {
            throw new jakarta.ws.rs.BadRequestException("page * size must not exceed " + MAX_RESULT_WINDOW + "; narrow the query instead");
        }
        return search.search(QueryText.of(q), page, size, lang);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One service, with every field of the common schema")
    public JsonNode get(@PathParam("id") String id) throws IOException {
        if (!id.matches("[A-Za-z0-9_.-]{1,200}")) {
            throw new NotFoundException("no service with id '" + id.replaceAll("[^A-Za-z0-9_.-]", "?") + "'");
        }
        return search.find(id).orElseThrow(() -> new NotFoundException("no service with id '" + id + "'"));
    }
}
