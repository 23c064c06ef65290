package org.onewindow.signals;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Arrays;

/**
 * Gives the request timer ({@code http_server_requests_seconds}, by route template, method and status) the call
 * buckets, so a dashboard can show its latency quantiles per endpoint.
 */
@Singleton
public class HttpServerBuckets {

    @Produces
    @Singleton
    public MeterFilter requestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Arrays.stream(LatencyBuckets.CALLS)
                                .mapToDouble(d -> d.toNanos())
                                .toArray())
                        .build()
                        .merge(config);
            }
        };
    }
}
