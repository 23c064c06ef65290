package org.onewindow.harvester.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.harvester.api.Caller;
import org.onewindow.harvester.api.FailedKeyThrottle;
import org.onewindow.harvester.api.KeyCheck;
import org.onewindow.signals.RateLimitCounter;

/**
 * The operator console's sign-in and its sources page, rendered on the server (Qute). Agencies sign in with their own
 * key and see their own sources only; nothing privileged is rendered without a session.
 */
@Path("/console")
@ConsolePage
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ConsoleResource {

    @Inject
    @Location("console/sign-in.html")
    Template signIn;

    @Inject
    @Location("console/sources.html")
    Template sources;

    @Inject
    RateLimitCounter rateLimits;

    @Inject
    ConsoleRequest console;

    @Inject
    ConsoleSessions sessions;

    @Inject
    KeyCheck keys;

    @Inject
    FailedKeyThrottle throttle;

    @Inject
    SourceRows rows;

    @Inject
    ConsolePages pages;

    @Context
    HttpServerRequest http;

    @Context
    UriInfo uri;

    @GET
    @SignedOut
    @Operation(hidden = true)
    public Response home() {
        return Response.seeOther(URI.create(console.session().isPresent() ? "/console/sources" : "/console/sign-in"))
                .build();
    }

    @GET
    @Path("/sign-in")
    @SignedOut
    @Operation(hidden = true)
    public TemplateInstance signInPage() {
        return pages.page(signIn, "/console/sign-in").data("error", null);
    }

    @POST
    @Path("/sign-in")
    @SignedOut
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam("key") String key) {
        String client =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        OptionalLong wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            rateLimits.rejected("wrong-keys");
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header("Retry-After", wait.getAsLong())
                    .entity(pages.page(signIn, "/console/sign-in").data("error", "throttled"))
                    .build();
        }
        Optional<Caller> caller = key == null || key.isBlank() ? Optional.empty() : keys.caller(key.strip());
        if (caller.isEmpty()) {
            if (key != null && !key.isBlank()) {
                throttle.failed(client);
            }
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(pages.page(signIn, "/console/sign-in").data("error", "unknownKey"))
                    .build();
        }
        ConsoleSessions.Started started = sessions.start(caller.get());
        return Response.seeOther(URI.create("/console/sources"))
                .cookie(sessionCookie(started.id(), false))
                .build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(
            @FormParam("csrf") String csrf, @CookieParam(ConsoleFilter.SESSION_COOKIE) String sessionId) {
        console.requireToken(csrf);
        sessions.end(sessionId);
        return Response.seeOther(URI.create("/console/sign-in"))
                .cookie(sessionCookie("", true))
                .build();
    }

    /** Switches the labels' language (a preference, no privilege) and goes back to the console page it came from. */
    @GET
    @Path("/language")
    @SignedOut
    @Operation(hidden = true)
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        ConsoleLabels.Language language = ConsoleLabels.Language.of(to);
        String target = back != null && back.matches("/console(/[a-z0-9-]+)*") ? back : "/console";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(ConsoleFilter.LANGUAGE_COOKIE)
                        .value(language.tag())
                        .path("/console")
                        .sameSite(NewCookie.SameSite.STRICT)
                        .secure(https())
                        .maxAge(365 * 24 * 3600)
                        .build())
                .build();
    }

    @GET
    @Path("/sources")
    @Operation(hidden = true)
    public TemplateInstance sources(
            @QueryParam("state") String state, @QueryParam("q") String search, @QueryParam("sort") String sort) {
        String shownState =
                state == null || !List.of("red", "green", "disabled").contains(state) ? "" : state;
        SourceRows.Order order = SourceRows.Order.of(sort);
        List<SourceRows.Row> shown = rows.rows(shownState, search, order);
        return pages.page(sources, "/console/sources")
                .data("rows", shown)
                .data("state", shownState)
                .data("q", search == null ? "" : search)
                .data("sort", order.key())
                .data("orders", List.of(SourceRows.Order.values()))
                .data("red", shown.stream().filter(row -> row.health().red()).count());
    }

    private NewCookie sessionCookie(String value, boolean expired) {
        NewCookie.Builder cookie = new NewCookie.Builder(ConsoleFilter.SESSION_COOKIE)
                .value(value)
                .path("/console")
                .httpOnly(true)
                .secure(https())
                .sameSite(NewCookie.SameSite.STRICT);
        if (expired) {
            cookie.maxAge(0);
        }
        return cookie.build();
    }

    /**
     * Served over https: directly, or behind a proxy that ends TLS and says so ({@code X-Forwarded-Proto}). Believing
     * the header can only make the cookie stricter (Secure), so it is read even where forwarding is not trusted.
     */
    private boolean https() {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(http.getHeader("X-Forwarded-Proto"));
    }
}
