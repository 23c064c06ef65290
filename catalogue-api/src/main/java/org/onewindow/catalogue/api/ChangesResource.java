package org.onewindow.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalogue.changes.ChangeFeed;

/** The change feed: added, updated and withdrawn services, in order, for apps that keep a local copy. */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    @Inject
    ChangeFeed feed;

    @GET
    @Tag(name = "Changes")
    @Operation(
            operationId = "listChanges",
            summary = "Changes in the order they happened",
            description =
                    "Start with since (RFC 3339) or with no parameter (from the beginning), then pass each answer's"
                            + " nextCursor as cursor; an empty page keeps the same cursor to poll again later.")
    public ChangeFeed.Page changes(
            @Parameter(
                            description = "RFC 3339 time, e.g. 2026-11-01T00:00:00Z: changes after it",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("since")
                    String since,
            @Parameter(description = "nextCursor of the previous answer", schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("cursor")
                    String cursor,
            @Parameter(
                            description = "Changes per answer, 1–1000 (default 100)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit)
            throws SQLException {
        List<Problem.ParameterError> errors = new ArrayList<>();
        Instant after = null;
        if (since != null) {
            try {
                after = OffsetDateTime.parse(since.strip()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(
                        new Problem.ParameterError("since", "must be an RFC 3339 time such as 2026-11-01T00:00:00Z"));
            }
        }
        if (since != null && cursor != null) {
            errors.add(new Problem.ParameterError("cursor", "give since or cursor, not both"));
        }
        int count = ParameterChecks.wholeNumber("limit", limit, 100, 1, 1000, errors);
        ParameterChecks.throwIfAny(errors);
        try {
            return feed.read(cursor, after, count);
        } catch (ChangeFeed.InvalidCursorException e) {
            throw new BadParametersException(List.of(new Problem.ParameterError("cursor", e.getMessage())));
        }
    }
}
