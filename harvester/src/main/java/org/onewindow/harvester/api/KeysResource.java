package org.onewindow.harvester.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.harvester.store.ApiKey;

/** Keys operators issue to operators and agencies: shown once, stored hashed, listed without the key, revoked. */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    public record NewKey(
            @Schema(required = true, description = "Who holds it, e.g. 보건복지부 복지로 팀")
            String name,

            @Schema(
                    required = true,
                    enumeration = {"operator", "agency"})
            String role,

            @Schema(description = "The agency an agency key acts for (its agency.code in mapping files)")
            String agencyCode) {}

    public record KeyView(
            long id,
            String name,
            String role,
            String agencyCode,
            String keyPrefix,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String revokedBy) {
        static KeyView of(ApiKey key) {
            return new KeyView(
                    key.id,
                    key.name,
                    key.role.name().toLowerCase(Locale.ROOT),
                    key.agencyCode,
                    key.keyPrefix,
                    key.createdBy,
                    key.createdAt,
                    key.lastUsedAt,
                    key.revokedAt,
                    key.revokedBy);
        }
    }

    /** A key just issued, with the key itself: the only answer that holds it. */
    public record IssuedKey(String key, KeyView about) {}

    @Inject
    ApiKeys keys;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Keys")
    @Operation(
            operationId = "issueKey",
            summary = "Issues a key to an operator or an agency; the key is in this answer only (stored hashed)")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @APIResponse(
            responseCode = "400",
            description = "No name, an unknown role, or an agency key without its agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response issue(NewKey request) {
        List<Problem.ParameterError> errors = new ArrayList<>();
        if (request == null || request.name() == null || request.name().isBlank()) {
            errors.add(new Problem.ParameterError("name", "required: who holds the key"));
        }
        ApiKey.Role role = request == null ? null : role(request.role());
        if (role == null) {
            errors.add(new Problem.ParameterError("role", "operator or agency"));
        }
        if (role == ApiKey.Role.AGENCY
                && (request.agencyCode() == null || request.agencyCode().isBlank())) {
            errors.add(new Problem.ParameterError("agencyCode", "required for an agency key"));
        }
        if (role == ApiKey.Role.OPERATOR && request.agencyCode() != null) {
            errors.add(new Problem.ParameterError("agencyCode", "an operator key acts for every agency: leave it out"));
        }
        if (!errors.isEmpty()) {
            return Problem.response(Response.Status.BAD_REQUEST, "the key cannot be issued", errors);
        }
        ApiKeys.Issued issued = keys.issue(
                request.name().strip(), role, request.agencyCode(), caller.get().label());
        return Response.created(URI.create("/api/v1/keys/" + issued.key().id))
                .entity(new IssuedKey(issued.secret(), KeyView.of(issued.key())))
                .build();
    }

    @GET
    @Tag(name = "Keys")
    @Operation(operationId = "listKeys", summary = "Every key issued, newest first, without the keys themselves")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content = @Content(schema = @Schema(implementation = KeyView.class, type = SchemaType.ARRAY)))
    public List<KeyView> list() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.newestFirst().stream().map(KeyView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Tag(name = "Keys")
    @Operation(
            operationId = "revokeKey",
            summary = "Revokes a key: refused from its next request on; its agency's sources keep running")
    @APIResponse(
            responseCode = "200",
            description = "Revoked (or revoked already)",
            content = @Content(schema = @Schema(implementation = KeyView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No key has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response revoke(@PathParam("id") long id) {
        return keys.revoke(id, caller.get().label())
                .map(key -> Response.ok(KeyView.of(key)).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "no key " + id));
    }

    private static ApiKey.Role role(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "operator" -> ApiKey.Role.OPERATOR;
            case "agency" -> ApiKey.Role.AGENCY;
            default -> null;
        };
    }
}
