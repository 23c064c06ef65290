package org.onewindow.harvester.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.run.InstanceIdentity;

/** A run's changes may take as long to apply as the run may take: one setting, onewindow.harvest.run-timeout. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class ApplyTimeoutTest {

    @Inject
    ChangeSet changes;

    @Inject
    HarvesterConfig config;

    @Inject
    TransactionTimeouts timeouts;

    @Inject
    InstanceIdentity instance;

    @Test
    void theApplyTransactionLastsAsLongAsTheRunTimeoutAllows() {
        long runId = QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = new HarvestRun();
            run.sourceId = "mohw-welfare";
            run.status = RunStatus.RUNNING;
            run.owner = instance.name();
            run.triggeredBy = HarvestRun.Trigger.OPERATOR;
            run.startedAt = Instant.now();
            run.heartbeatAt = run.startedAt;
            run.persist();
            return run.id;
        });

        try {
            assertThat(timeouts.during(() -> changes.applyRun(runId, instance.name())))
                    .as("test configuration: 3h")
                    .containsExactly((int) config.harvest().runTimeout().toSeconds())
                    .containsExactly(3 * 60 * 60);
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> HarvestRun.<HarvestRun>findById(runId).status = RunStatus.SUCCEEDED);
        }
    }
}
