package org.onewindow.harvester.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesResource;
import org.onewindow.harvester.config.HarvesterConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A run's changes may take as long to apply as the run may take: one setting, onewindow.harvest.run-timeout. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesResource.class, restrictToAnnotatedClass = false)
class ApplyTimeoutTest {

    @Inject
    ChangeSet changes;

    @Inject
    HarvesterConfig config;

    @Inject
    TransactionTimeouts timeouts;

    @Test
    void theApplyTransactionLastsAsLongAsTheRunTimeoutAllows() {
        long runId = QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = new HarvestRun();
            run.sourceId = "mohw-welfare";
            run.status = RunStatus.SUCCEEDED;
            run.triggeredBy = HarvestRun.Trigger.OPERATOR;
            run.startedAt = Instant.parse("2026-11-02T00:00:00Z");
            run.finishedAt = run.startedAt.plusSeconds(1);
            run.gatherComplete = true;
            run.persist();
            return run.id;
        });

        assertThat(timeouts.during(() -> changes.apply(runId))).as("test configuration: 3h")
                .containsExactly((int) config.harvest().runTimeout().toSeconds()).containsExactly(3 * 60 * 60);
    }
}
