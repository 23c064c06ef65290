package org.onewindow.harvester.console;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.harvester.api.CurrentCaller;

/**
 * Admits console requests: a page needs a live session (else the visitor is sent to sign in, and sees nothing
 * privileged); a change (any method but GET and HEAD) must also come from a page of this console (its Origin, when the
 * browser sends one, is this host) and carry the session's CSRF token, which the resource checks
 * ({@link ConsoleRequest#requireToken}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ConsoleFilter implements ContainerRequestFilter {

    static final String SESSION_COOKIE = "ow_console";
    static final String LANGUAGE_COOKIE = "ow_console_lang";
    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    @Inject
    ConsoleSessions sessions;

    @Inject
    ConsoleRequest console;

    @Inject
    CurrentCaller caller;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(ConsolePage.class)) {
            return;
        }
        ConsoleLabels.Language language = ConsoleLabels.Language.of(
                Optional.ofNullable(request.getCookies().get(LANGUAGE_COOKIE))
                        .map(Cookie::getValue)
                        .orElse(null));
        if (!SAFE.contains(request.getMethod()) && !sameOrigin(request)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type("text/plain; charset=utf-8")
                    .entity("a console change must come from the console's own pages")
                    .build());
            return;
        }
        Optional<ConsoleSessions.Session> session = Optional.ofNullable(
                        request.getCookies().get(SESSION_COOKIE))
                .flatMap(cookie -> sessions.find(cookie.getValue()));
        console.set(session.orElse(null), language);
        if (session.isPresent()) {
            caller.set(session.get().caller());
            return;
        }
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(SignedOut.class)) {
            return;
        }
        request.abortWith(Response.seeOther(URI.create("/console/sign-in")).build());
    }

    /**
     * A browser names the origin of the page a form was sent from: it must be this host, as the browser addressed it
     * ({@code Host}, or {@code X-Forwarded-Host} behind a proxy that rewrites {@code Host}; a page cannot set either).
     * A request naming none is not a browser's cross-site form (SameSite=Strict and the CSRF token still apply).
     */
    private static boolean sameOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return true;
        }
        String fromHost;
        try {
            URI from = URI.create(origin);
            if (from.getHost() == null) {
                return false; // "Origin: null": a sandboxed or privacy-hidden origin
            }
            fromHost = from.getHost() + (from.getPort() == -1 ? "" : ":" + from.getPort());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String header : List.of("Host", "X-Forwarded-Host")) {
            String host = request.getHeaderString(header);
            if (host != null && host.strip().equalsIgnoreCase(fromHost)) {
                return true;
            }
        }
        return request.getHeaderString("Host") == null
                && request.getUriInfo().getBaseUri().getAuthority().equalsIgnoreCase(fromHost);
    }
}
