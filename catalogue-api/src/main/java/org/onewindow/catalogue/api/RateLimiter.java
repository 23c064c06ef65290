package org.onewindow.catalogue.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.onewindow.catalogue.config.ApiConfig;
import org.onewindow.catalogue.ratelimit.ClientKey;
import org.onewindow.catalogue.ratelimit.TokenBuckets;
import org.onewindow.signals.RateLimitCounter;

/**
 * Per-client rate limit of the public API: a token bucket per client ({@link ClientKey}: its address, or its IPv6
 * /64), in memory only (no address is stored or logged). The client is the socket peer, or the address a trusted proxy
 * forwards (Quarkus' {@code quarkus.http.proxy.*}; see README). A client over its budget gets 429 with Retry-After, as
 * problem JSON.
 */
@Provider
@PreMatching
public class RateLimiter implements ContainerRequestFilter {

    /** Looked up per request: providers are created before runtime configuration exists. */
    @Inject
    Instance<ApiConfig> config;

    @Context
    HttpServerRequest http;

    @Inject
    Instance<RateLimitCounter> rejections;

    /** This limit's name in {@code onewindow_rate_limited_total}. */
    public static final String LIMIT = "clients";

    private volatile TokenBuckets buckets;

    @Override
    public void filter(ContainerRequestContext request) {
        ApiConfig.RateLimit limit = config.get().rateLimit();
        if (!limit.enabled() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        double wait = buckets(limit).take(ClientKey.of(http.remoteAddress()), System.nanoTime());
        if (wait == 0) {
            return;
        }
        long retryAfter = Math.max(1, (long) Math.ceil(wait));
        rejections.get().rejected(LIMIT);
        request.abortWith(Response.fromResponse(Problem.response(
                        Response.Status.TOO_MANY_REQUESTS,
                        "too many requests from this client; retry after " + retryAfter + " s",
                        List.of()))
                .header("Retry-After", retryAfter)
                .build());
    }

    private TokenBuckets buckets(ApiConfig.RateLimit limit) {
        TokenBuckets made = buckets;
        if (made == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = new TokenBuckets(limit.perSecond(), limit.burst(), limit.maxClients());
                }
                made = buckets;
            }
        }
        return made;
    }
}
