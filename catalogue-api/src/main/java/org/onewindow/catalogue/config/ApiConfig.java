package org.onewindow.catalogue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The catalogue API's own settings; every default is here, once. */
@ConfigMapping(prefix = "onewindow.api")
public interface ApiConfig {

    RateLimit rateLimit();

    /**
     * Where the public reaches this API (scheme, host, port and any path prefix in front of {@code /api/v1}): the base
     * of the IRIs the catalogue export gives services and organisations. Configured, never read from a request, whose
     * Host header any client chooses.
     */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * Requests per client (its network address, held in memory only, never stored or logged), as a token bucket:
     * {@code burst} at once, refilled at {@code per-second}. Over it: 429 with Retry-After.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("20")
        double perSecond();

        @WithDefault("60")
        int burst();

        /**
         * How many clients are remembered at most (memory is bounded: about 200 bytes each); past it the client seen
         * least recently is forgotten, and its next request starts a full bucket. No other client is reset.
         */
        @WithDefault("100000")
        int maxClients();
    }
}
