package org.onewindow.harvester.health;

import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the scheduler runs: an instance whose schedules are paused or stopped harvests nothing. */
@Readiness
@ApplicationScoped
public class SchedulerReadiness implements HealthCheck {

    @Inject
    Scheduler scheduler;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("scheduler")
                .status(scheduler.isRunning())
                .withData("running", scheduler.isRunning())
                .build();
    }
}
