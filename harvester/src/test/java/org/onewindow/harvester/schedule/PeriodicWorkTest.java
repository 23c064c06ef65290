package org.onewindow.harvester.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Each instance's periodic work (outbox drain, change-feed positions, run heartbeat) is scheduled by the framework, on
 * its in-memory scheduler: clustered Quartz keeps only the per-source cron schedules, so a tick writes no Quartz row.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class PeriodicWorkTest {

    private static final List<String> PERIODIC = List.of("outbox-drain", "change-feed-sequencer", "run-heartbeat");

    @Inject
    Scheduler scheduler;

    @Inject
    org.quartz.Scheduler quartz;

    @Test
    void periodicWorkRunsOnTheInMemorySchedulerNotOnClusteredQuartz() throws SchedulerException {
        assertThat(PERIODIC)
                .allSatisfy(identity -> assertThat(scheduler.getScheduledJob(identity))
                        .as(identity)
                        .isNotNull());
        assertThat(quartz.getJobKeys(GroupMatcher.anyJobGroup()))
                .extracting(JobKey::getName)
                .as("Quartz holds the sources' schedules only")
                .doesNotContainAnyElementsOf(PERIODIC)
                .isNotEmpty();
    }

    @Test
    void eachPeriodicJobFires() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(PERIODIC)
                        .allSatisfy(identity -> assertThat(
                                        scheduler.getScheduledJob(identity).getPreviousFireTime())
                                .as(identity)
                                .isNotNull()));
    }
}
