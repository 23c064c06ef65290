package org.onewindow.harvester.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.onewindow.harvester.api.Forbidden;
import org.onewindow.harvester.publish.CatalogueIndex;
import org.onewindow.harvester.publish.DeadLetterRetry;
import org.onewindow.harvester.publish.PublishLag;
import org.onewindow.harvester.store.DeadLetter;

/**
 * Publishing, for operators: how far Elasticsearch is behind the record of truth (the outbox's depth and its oldest
 * entry's age), the index generation behind the catalogue's alias, and the dead letters, each with its retry.
 */
@Path("/console/publishing")
@ConsolePage
public class ConsolePublishingPage {

    private static final Logger LOG = Logger.getLogger(ConsolePublishingPage.class);

    /** The dead letters a page lists, newest first; the API lists more. */
    static final int LETTERS_SHOWN = 200;

    @Inject
    @Location("console/publishing.html")
    Template page;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleRequest console;

    @Inject
    CatalogueIndex index;

    @Inject
    DeadLetterRetry retries;

    @Inject
    PublishLag publishLag;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public TemplateInstance show() {
        requireOperator();
        PublishLag.Lag lag = publishLag.now();
        List<DeadLetter> letters = QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>find("order by id desc")
                        .page(0, LETTERS_SHOWN)
                        .list());
        long allLetters = QuarkusTransaction.requiringNew().call(() -> DeadLetter.count());
        List<String> generation;
        try {
            generation = index.behindAlias();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("console: the index behind the alias is not known: %s", e.getMessage());
            generation = List.of();
        }
        return pages.page(page, "/console/publishing")
                .data("lag", lag)
                .data("generation", generation)
                .data("letters", letters)
                .data("moreLetters", allLetters - letters.size());
    }

    @POST
    @Path("/dead-letters/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response retry(@PathParam("id") long id, @FormParam("csrf") String csrf) throws IOException {
        console.requireToken(csrf);
        requireOperator();
        retries.retry(id, console.signedIn().caller().label());
        return Response.seeOther(URI.create("/console/publishing")).build();
    }

    private void requireOperator() {
        if (!console.signedIn().caller().operator()) {
            throw new Forbidden("publishing is for operators: an agency's key sees its own sources");
        }
    }
}
