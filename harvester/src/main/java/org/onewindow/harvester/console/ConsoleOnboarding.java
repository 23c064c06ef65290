package org.onewindow.harvester.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.harvester.api.Caller;
import org.onewindow.harvester.api.DryRunResource;
import org.onewindow.harvester.api.Forbidden;
import org.onewindow.harvester.api.Problem;
import org.onewindow.harvester.api.SourceAccess;
import org.onewindow.harvester.api.SourcesResource;
import org.onewindow.harvester.store.Source;

/**
 * Onboarding in the console: paste or edit a mapping file, dry-run it with the diff against what is published, save it
 * as a new source or as the next version of the one being edited. Every step is the operator API's own operation
 * (the same checks, access rules, versions and answers) called as the signed-in key.
 */
@Path("/console/onboard")
@ConsolePage
public class ConsoleOnboarding {

    /** Records a console dry-run tries unless asked for another number (the API's own default). */
    static final int DEFAULT_LIMIT = 10;

    @Inject
    @Location("console/onboard.html")
    Template onboardPage;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleRequest console;

    @Inject
    SourceAccess access;

    @Inject
    DryRunResource dryRuns;

    @Inject
    SourcesResource sources;

    /** What the page shows under the file: a dry-run's report, or the problem that stopped the step. */
    public record Outcome(DryRunView report, Problem problem) {}

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("source") String sourceId) {
        if (sourceId == null || sourceId.isBlank()) {
            return form(starter(console.signedIn().caller()), null, DEFAULT_LIMIT, null);
        }
        access.requireOwn(sourceId);
        Source source = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(sourceId));
        if (source == null || source.deleted()) {
            throw new NotFoundException("no source " + sourceId);
        }
        return form(source.definition, sourceId, DEFAULT_LIMIT, null);
    }

    /**
     * {@code action} is the button pressed: {@code dry-run} (with the diff) or {@code save}; {@code source}, when
     * present, is the source whose mapping is being edited (saving replaces it).
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public Response submit(
            @FormParam("csrf") String csrf,
            @FormParam("mapping") String mapping,
            @FormParam("source") String editing,
            @FormParam("limit") String limit,
            @FormParam("reason") String reason,
            @FormParam("action") String action) {
        console.requireToken(csrf);
        String source = editing == null || editing.isBlank() ? null : editing;
        int records = records(limit);
        Response answer;
        try {
            if ("save".equals(action)) {
                answer = source == null ? sources.create(mapping, reason) : sources.replace(source, mapping, reason);
                if (answer.getStatus() < 300) {
                    String saved = ((SourcesResource.SourceDetail) answer.getEntity()).id();
                    return Response.seeOther(URI.create("/console/sources/" + saved))
                            .build();
                }
            } else {
                answer = dryRuns.dryRun(mapping, 0, records, true);
            }
        } catch (Forbidden e) {
            answer = Problem.response(Response.Status.FORBIDDEN, e.getMessage());
        }
        Outcome outcome = answer.getEntity() instanceof JsonNode report
                ? new Outcome(DryRunView.of(report), null)
                : new Outcome(null, (Problem) answer.getEntity());
        return Response.status(answer.getStatus())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(form(mapping, source, records, outcome))
                .build();
    }

    private TemplateInstance form(String mapping, String editing, int limit, Outcome outcome) {
        return pages.page(onboardPage, "/console/onboard")
                .data("mapping", mapping == null ? "" : mapping)
                .data("editing", editing)
                .data("limit", limit)
                .data("outcome", outcome);
    }

    /** A number of records to try; anything else is the default (the dry-run itself caps it). */
    private static int records(String limit) {
        try {
            return limit == null ? DEFAULT_LIMIT : Math.max(1, Integer.parseInt(limit.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    /** The file a new source starts from, with the agency's code filled in for an agency's key. */
    private static String starter(Caller caller) {
        try (InputStream in = ConsoleOnboarding.class.getResourceAsStream("/console/new-source.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return caller.operator() ? text : text.replace("AGENCY_CODE", caller.agencyCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
