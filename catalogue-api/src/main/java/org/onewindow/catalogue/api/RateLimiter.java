package org.onewindow.catalogue.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.onewindow.catalogue.config.ApiConfig;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Per-client rate limit of the public API: a token bucket per network address, in memory only (no address is
 * stored or logged). A client over its budget gets 429 with Retry-After, as problem JSON.
 */
@Provider
@PreMatching
public class RateLimiter implements ContainerRequestFilter {

    private static final int MAX_CLIENTS = 100_000;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /** Looked up per request: providers are created before runtime configuration exists. */
    @Inject
    jakarta.enterprise.inject.Instance<ApiConfig> config;

    @Context
    HttpServerRequest http;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        ApiConfig.RateLimit limit = config.get().rateLimit();
        if (!limit.enabled() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long now = System.nanoTime();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // a flood of addresses: start over rather than grow without bound
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(limit.burst(), now));
        double wait;
        synchronized (bucket) {
            bucket.tokens = Math.min(limit.burst(), bucket.tokens + (now - bucket.refilledAt) / 1e9 * limit.perSecond());
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            wait = (1 - bucket.tokens) / limit.perSecond();
        }
        long retryAfter = Math.max(1, (long) Math.ceil(wait));
        request.abortWith(Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS,
                "too many requests from this client; retry after " + retryAfter + " s", java.util.List.of()))
                .header("Retry-After", retryAfter).build());
    }
}
