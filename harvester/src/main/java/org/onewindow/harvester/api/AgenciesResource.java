package org.onewindow.harvester.api;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.onewindow.harvester.store.AgencyGrant;

/** What an operator allows an agency: the hosts its sources may harvest (an agency key works on no other). */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgenciesResource {

    private static final Logger LOG = Logger.getLogger(AgenciesResource.class);

    public record AgencyHosts(
            @Schema(required = true, description = "Host names, e.g. www.bokjiro.go.kr")
            List<String> hosts) {}

    public record AgencyView(String code, List<String> hosts, String changedBy, Instant changedAt, String reason) {}

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{code}")
    @AgenciesMay
    @Tag(name = "Agencies")
    @Operation(
            operationId = "getAgency",
            summary = "What an operator allowed the agency: the hosts its sources may harvest")
    @APIResponse(
            responseCode = "200",
            description = "The agency's grant (no hosts when nothing was allowed yet)",
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @Transactional
    public AgencyView get(@PathParam("code") String code) {
        if (!caller.get().actsFor(code)) {
            throw new Forbidden("this key acts for agency " + caller.get().agencyCode() + ", not " + code);
        }
        AgencyGrant grant = AgencyGrant.findById(code);
        return grant == null
                ? new AgencyView(code, List.of(), null, null, null)
                : new AgencyView(code, grant.hosts(), grant.changedBy, grant.changedAt, grant.reason);
    }

    @PUT
    @Path("/{code}/hosts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Agencies")
    @Operation(
            operationId = "replaceAgencyHosts",
            summary = "Sets the hosts the agency's sources may harvest: an agency key creates or changes a source only"
                    + " on these")
    @APIResponse(
            responseCode = "200",
            description = "Set",
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a list of host names",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Transactional
    public Response replaceHosts(
            @PathParam("code") String code,
            AgencyHosts request,
            @QueryParam("reason") @Parameter(description = "Why, kept with the grant") String reason) {
        List<Problem.ParameterError> errors = new ArrayList<>();
        TreeSet<String> hosts = new TreeSet<>();
        if (request == null || request.hosts() == null) {
            errors.add(new Problem.ParameterError("hosts", "required: a list of host names"));
        } else {
            for (String host : request.hosts()) {
                if (host == null || !host.strip().matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
                    errors.add(new Problem.ParameterError(
                            "hosts", "'" + host + "' is not a host name (no scheme, port or path)"));
                } else {
                    hosts.add(host.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!errors.isEmpty()) {
            return Problem.response(Response.Status.BAD_REQUEST, "the hosts cannot be set", errors);
        }
        AgencyGrant grant = AgencyGrant.findById(code);
        if (grant == null) {
            grant = new AgencyGrant();
            grant.agencyCode = code;
        }
        grant.hosts(List.copyOf(hosts));
        grant.changedBy = caller.get().label();
        grant.changedAt = Instant.now();
        grant.reason = reason;
        grant.persist();
        LOG.infof("agency %s may harvest %s (set by %s)", code, hosts, grant.changedBy);
        return Response.ok(new AgencyView(code, grant.hosts(), grant.changedBy, grant.changedAt, grant.reason))
                .build();
    }
}
