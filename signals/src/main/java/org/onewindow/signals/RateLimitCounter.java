package org.onewindow.signals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Requests a rate limit refused (429): {@code onewindow_rate_limited_total{limit}}. */
@ApplicationScoped
public class RateLimitCounter {

    @Inject
    MeterRegistry registry;

    /** Shows the app's limits at zero from its start, so that a rate over them is 0, not absent. */
    public void register(String... limits) {
        for (String limit : limits) {
            counter(limit);
        }
    }

    public void rejected(String limit) {
        counter(limit).increment();
    }

    private Counter counter(String limit) {
        return Counter.builder("onewindow.rate.limited")
                .description("Requests refused by a rate limit (429), by limit")
                .tag("limit", limit)
                .register(registry);
    }
}
