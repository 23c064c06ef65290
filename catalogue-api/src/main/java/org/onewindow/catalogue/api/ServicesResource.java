package org.onewindow.catalogue.api;

import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalogue.config.ApiConfig;
import org.onewindow.catalogue.jsonld.SchemaOrgService;
import org.onewindow.catalogue.record.Provenance;
import org.onewindow.catalogue.record.SafeRenditions;
import org.onewindow.catalogue.search.SearchPage;
import org.onewindow.catalogue.search.ServiceSearch;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.mappings.model.CatalogueIds;

/** The public, read-only catalogue: search and details. No key, no personal data. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    @Inject
    ServiceSearch search;

    @Inject
    Provenance provenance;

    @Inject
    ApiConfig config;

    @Inject
    ObjectMapper json;

    @Context
    HttpServerRequest http;

    /** The parameters are read from the raw query string by {@link SearchParameters}; they are declared here for OpenAPI. */
    @GET
    @Operation(
            operationId = "searchServices",
            summary = "Search services",
            description = "Korean and English full-text search with filters and facet counts."
                    + " Several values of one filter (repeated, or comma-separated) are alternatives; filters combine."
                    + " Page with page/size, or follow nextCursor for deep paging.")
    @Parameters({
        @Parameter(
                name = "q",
                in = QUERY,
                description = "Search text (at most 200 characters), e.g. 청년 수당; empty lists everything",
                schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
        @Parameter(
                name = "page",
                in = QUERY,
                description = "Page number, from 1 (page × size ≤ 10000)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")),
        @Parameter(
                name = "size",
                in = QUERY,
                description = "Results per page, 1–100 (default 20)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")),
        @Parameter(
                name = "cursor",
                in = QUERY,
                description = "nextCursor of the previous page (same q, filters, sort and size)",
                schema = @Schema(type = SchemaType.STRING)),
        @Parameter(
                name = "lang",
                in = QUERY,
                description = "ko (default) or en: language of display strings and of query analysis",
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                enumeration = {"ko", "en"},
                                defaultValue = "ko")),
        @Parameter(
                name = "sort",
                in = QUERY,
                description = "relevance (default), updated, popularity or name",
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                enumeration = {"relevance", "updated", "popularity", "name"},
                                defaultValue = "relevance")),
        @Parameter(
                name = "openNow",
                in = QUERY,
                description =
                        "true: only services taking applications today (always open, or a dated period that includes today)",
                schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")),
        @Parameter(
                name = "category",
                in = QUERY,
                description = "서비스분야 code or label, e.g. housing or 주거·자립",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
        @Parameter(
                name = "lifeEvent",
                in = QUERY,
                description = "life event code, e.g. childbirth",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
        @Parameter(
                name = "audience",
                in = QUERY,
                description = "audience code, e.g. youth",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
        @Parameter(
                name = "supportType",
                in = QUERY,
                description = "support type code or label, e.g. cash or 현금",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
        @Parameter(
                name = "agency",
                in = QUERY,
                description = "competent authority code, e.g. 1352000",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
        @Parameter(
                name = "agencyType",
                in = QUERY,
                description = "agency type code, e.g. central, local",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
        @Parameter(
                name = "region",
                in = QUERY,
                description =
                        "region code (시도 2 digits, 시군구 5 digits); includes nationwide services and, for a 시군구, its 시도's",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    })
    @Tag(name = "Search")
    @ChecksItsOwnParameters
    public CompletionStage<SearchPage> search() {
        return search.search(SearchParameters.read(rawParameters()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getService",
            summary = "One service, with every field of the common schema, its channels (online,"
                    + " phone, in person, post, fax) and its provenance (source, page, last harvested); as schema.org JSON-LD for"
                    + " Accept: application/ld+json")
    @Tag(name = "Services")
    @APIResponse(
            responseCode = "200",
            description = "The service",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Service")),
                @Content(mediaType = "application/ld+json", schema = @Schema(ref = "GovernmentServiceJsonLd"))
            })
    @APIResponse(
            responseCode = "404",
            description = "No service has this id (it may have been withdrawn: see the change feed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public JsonNode get(@PathParam("id") String id) throws IOException, SQLException {
        JsonNode record = find(id);
        if (record instanceof ObjectNode document) {
            document.remove(ServiceIndex.SEARCH_ONLY_FIELDS);
            SafeRenditions.apply(document);
            provenance.of(id).ifPresent(origin -> document.set("provenance", json.valueToTree(origin)));
        }
        return record;
    }

    private JsonNode find(String id) throws IOException {
        if (!CatalogueIds.ANY_ID.matcher(id).matches()) {
            throw new NotFoundException("no service with id '" + id.replaceAll("[^A-Za-z0-9_.~-]", "?") + "'");
        }
        return search.find(id).orElseThrow(() -> new NotFoundException("no service with id '" + id + "'"));
    }

    @GET
    @Path("/{id}")
    @Produces("application/ld+json")
    @Operation(hidden = true) // the same operation as get, for Accept: application/ld+json: documented there
    public JsonNode getAsJsonLd(@PathParam("id") String id) throws IOException {
        JsonNode record = find(id);
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        return new SchemaOrgService(json).of(record, base + "/api/v1/services/" + id); // never the request's Host
    }

    /** Query parameters decoded here, so a malformed percent-escape is a 400 naming the parameter. */
    private Map<String, List<String>> rawParameters() {
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        List<Problem.ParameterError> errors = new ArrayList<>();
        String query = http.query();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode("query", equals < 0 ? pair : pair.substring(0, equals), errors);
                String value = equals < 0 ? "" : decode(name, pair.substring(equals + 1), errors);
                decoded.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        if (!errors.isEmpty()) {
            throw new BadParametersException(errors);
        }
        return decoded;
    }

    private static String decode(String parameter, String raw, List<Problem.ParameterError> errors) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.ParameterError(parameter, "malformed percent-encoding"));
            return raw;
        }
    }
}
