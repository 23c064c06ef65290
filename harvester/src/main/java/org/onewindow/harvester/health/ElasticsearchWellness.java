package org.onewindow.harvester.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.onewindow.harvester.publish.CatalogueIndex;

/** Whether Elasticsearch answers, and which index the catalogue's alias names; wellness only (see PublishLagWellness). */
@Wellness
@ApplicationScoped
public class ElasticsearchWellness implements HealthCheck {

    @Inject
    CatalogueIndex index;

    @Override
    public HealthCheckResponse call() {
        try {
            List<String> behind = index.behindAlias();
            return HealthCheckResponse.named("elasticsearch")
                    .up()
                    .withData("index", String.join(",", behind))
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("elasticsearch")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
