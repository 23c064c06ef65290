package org.onewindow.harvester.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * Every operator API call needs {@code Authorization: Bearer <operator key>}; health and OpenAPI stay open. A client
 * that keeps presenting wrong keys is answered 429 for a while ({@link FailedKeyThrottle}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OperatorKeyFilter implements ContainerRequestFilter {

    /** Looked up per request: providers are created before configuration mappings are ready. */
    @Inject
    Instance<HarvesterConfig> config;

    @Inject
    FailedKeyThrottle throttle;

    @Context
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String client =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        OptionalLong wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            request.abortWith(Response.fromResponse(Problem.response(
                            Response.Status.TOO_MANY_REQUESTS,
                            "too many wrong operator keys from this client; retry after " + wait.getAsLong() + " s"))
                    .header("Retry-After", wait.getAsLong())
                    .build());
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        if (presented == null
                || !MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        config.get().operator().key().getBytes(StandardCharsets.UTF_8))) {
            if (presented != null) {
                throttle.failed(client);
            }
            Response unauthorized = Response.fromResponse(Problem.response(
                            Response.Status.UNAUTHORIZED,
                            presented == null
                                    ? "operator key required: Authorization: Bearer <key>"
                                    : "operator key not accepted"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"onewindow-operator\"")
                    .build();
            request.abortWith(unauthorized);
        }
    }
}
