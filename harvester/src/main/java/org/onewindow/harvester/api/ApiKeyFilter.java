package org.onewindow.harvester.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.OptionalLong;
import org.onewindow.harvester.console.ConsolePage;
import org.onewindow.signals.RateLimitCounter;

/**
 * Every operator API call needs {@code Authorization: Bearer <key>}: the bootstrap operator key or a key an operator
 * issued ({@link ApiKeys}); health and OpenAPI stay open. An agency key may call only operations marked
 * {@link AgenciesMay} (403 elsewhere, nothing done). A client that keeps presenting wrong keys is answered 429 for a
 * while ({@link FailedKeyThrottle}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    /** Looked up per request: providers are created before configuration mappings are ready. */
    @Inject
    Instance<KeyCheck> keyCheck;

    @Inject
    RateLimitCounter rateLimits;

    @Inject
    FailedKeyThrottle throttle;

    @Inject
    CurrentCaller current;

    @Context
    HttpServerRequest http;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(ConsolePage.class)) {
            return; // the console signs in with a key once and then carries a session (ConsoleFilter)
        }
        String client =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        OptionalLong wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            rateLimits.rejected("wrong-keys");
            request.abortWith(Response.fromResponse(Problem.response(
                            Response.Status.TOO_MANY_REQUESTS,
                            "too many wrong keys from this client; retry after " + wait.getAsLong() + " s"))
                    .header("Retry-After", wait.getAsLong())
                    .build());
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        Optional<Caller> caller =
                presented == null ? Optional.empty() : keyCheck.get().caller(presented);
        if (caller.isEmpty()) {
            if (presented != null) {
                throttle.failed(client);
            }
            request.abortWith(Response.fromResponse(Problem.response(
                            Response.Status.UNAUTHORIZED,
                            presented == null
                                    ? "a key is required: Authorization: Bearer <key>"
                                    : "key not accepted (unknown or revoked)"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"onewindow-operator\"")
                    .build());
            return;
        }
        if (!caller.get().operator()
                && (resource.getResourceMethod() == null
                        || !resource.getResourceMethod().isAnnotationPresent(AgenciesMay.class))) {
            request.abortWith(Problem.response(
                    Response.Status.FORBIDDEN,
                    "an agency key may not " + request.getMethod() + " "
                            + request.getUriInfo().getPath() + ": operators only"));
            return;
        }
        current.set(caller.get());
    }
}
