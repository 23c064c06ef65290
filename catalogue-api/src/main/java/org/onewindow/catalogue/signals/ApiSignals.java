package org.onewindow.catalogue.signals;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.onewindow.catalogue.api.RateLimiter;
import org.onewindow.signals.RateLimitCounter;

/** The API's own signals beyond what Quarkus measures (requests by route and status) and the shared call timers. */
@ApplicationScoped
public class ApiSignals {

    @Inject
    RateLimitCounter rateLimits;

    void showLimitsAtZero(@Observes StartupEvent started) {
        rateLimits.register(RateLimiter.LIMIT);
    }
}
