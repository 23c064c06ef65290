package org.onewindow.harvester.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.signals.CatalogueState;

/**
 * Whether publishing keeps up: DOWN when the oldest change in the outbox has waited longer than
 * {@code onewindow.signals.publish-lag-threshold}. A wellness check, not readiness: while Elasticsearch is away the
 * harvester still harvests and queues, and should keep its traffic.
 */
@Wellness
@ApplicationScoped
public class PublishLagWellness implements HealthCheck {

    @Inject
    CatalogueState state;

    @Inject
    HarvesterConfig config;

    @Override
    public HealthCheckResponse call() {
        CatalogueState.Snapshot now = state.current();
        long threshold = config.signals().publishLagThreshold().toSeconds();
        return HealthCheckResponse.named("publish lag")
                .status(now.lag().oldestSeconds() <= threshold)
                .withData("outboxDepth", now.lag().depth())
                .withData("oldestSeconds", now.lag().oldestSeconds())
                .withData("thresholdSeconds", threshold)
                .build();
    }
}
