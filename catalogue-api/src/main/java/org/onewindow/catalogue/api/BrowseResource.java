package org.onewindow.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalogue.search.Facet;
import org.onewindow.catalogue.search.FacetValue;
import org.onewindow.catalogue.search.ServiceSearch;
import org.onewindow.catalogue.search.Suggestion;

/** Browsing without a query (categories, agencies, regions with their counts) and autocomplete of service names. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class BrowseResource {

    /** A browse answer: the values to filter /services by, with labels and counts. */
    public record Browse(List<FacetValue> items) {}

    public record Suggestions(String q, List<Suggestion> items) {}

    @Inject
    ServiceSearch search;

    @GET
    @Path("/categories")
    @Tag(name = "Browse")
    @Operation(
            operationId = "listCategories",
            summary = "Service fields (서비스분야) with how many services each has; value filters /services?category=")
    public CompletionStage<Browse> categories(
            @Parameter(
                            description = "ko (default) or en",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"ko", "en"},
                                            defaultValue = "ko"))
                    @QueryParam("lang")
                    String lang) {
        return search.browse(Facet.CATEGORY, language(lang)).thenApply(Browse::new);
    }

    @GET
    @Path("/agencies")
    @Tag(name = "Browse")
    @Operation(
            operationId = "listAgencies",
            summary = "Agencies with services in the catalogue; value filters /services?agency=")
    public CompletionStage<Browse> agencies(
            @Parameter(
                            description = "ko (default) or en",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"ko", "en"},
                                            defaultValue = "ko"))
                    @QueryParam("lang")
                    String lang) {
        return search.browse(Facet.AGENCY, language(lang)).thenApply(Browse::new);
    }

    @GET
    @Path("/regions")
    @Tag(name = "Browse")
    @Operation(
            operationId = "listRegions",
            summary = "Regions (KR nationwide, 시도, 시군구) with services; value filters /services?region=")
    public CompletionStage<Browse> regions(
            @Parameter(
                            description = "ko (default) or en",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"ko", "en"},
                                            defaultValue = "ko"))
                    @QueryParam("lang")
                    String lang) {
        return search.browse(Facet.REGION, language(lang)).thenApply(Browse::new);
    }

    @GET
    @Path("/suggest")
    @Tag(name = "Browse")
    @Operation(
            operationId = "suggest",
            summary = "Service names completing what was typed: Korean syllables (청 → 청년…) or English words")
    public CompletionStage<Suggestions> suggest(
            @Parameter(
                            description = "What was typed so far, 1–50 characters",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 50))
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description = "Suggestions, 1–10 (default 8)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "10",
                                            defaultValue = "8"))
                    @QueryParam("size")
                    String size,
            @Parameter(
                            description = "ko (default) or en",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"ko", "en"},
                                            defaultValue = "ko"))
                    @QueryParam("lang")
                    String lang) {
        List<Problem.ParameterError> errors = new ArrayList<>();
        String prefix = q == null ? "" : QueryText.of(q).strip();
        if (prefix.isEmpty() || prefix.length() > 50) {
            errors.add(new Problem.ParameterError("q", "must be 1 to 50 characters"));
        }
        int count = ParameterChecks.wholeNumber("size", size, 8, 1, 10, errors);
        String language = ParameterChecks.language(lang, errors);
        ParameterChecks.throwIfAny(errors);
        return search.suggest(prefix, language, count).thenApply(items -> new Suggestions(prefix, items));
    }

    private static String language(String lang) {
        List<Problem.ParameterError> errors = new ArrayList<>();
        String language = ParameterChecks.language(lang, errors);
        ParameterChecks.throwIfAny(errors);
        return language;
    }
}
