package org.onewindow.harvester.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.run.AbandonedRuns;
import org.onewindow.harvester.run.InstanceIdentity;

/**
 * A harvester declared dead after a long stall may wake up and reach the end of its run: it must not apply its changes
 * over the catalogue, which newer runs may have changed since. The run's row is the fence.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class RunFencingTest {

    private static final String SOURCE = "mohw-welfare";
    private static final String RECORD = SOURCE + "-FENCED-OUT";

    @Inject
    ChangeSet changes;

    @Inject
    AbandonedRuns abandonedRuns;

    @Inject
    InstanceIdentity instance;

    private long runId;

    @AfterEach
    void closeTheRun() {
        QuarkusTransaction.requiringNew().run(() -> {
            HarvestRun run = HarvestRun.findById(runId);
            if (run.status == RunStatus.RUNNING) {
                run.status = RunStatus.FAILED;
            }
            StagedChange.delete("runId", runId);
        });
    }

    @Test
    void aRunClosedAsAbandonedChangesNothingWhenItReachesItsEndLater() {
        runId = runningRun(instance.name(), Instant.now().minus(Duration.ofHours(1)));
        assertThat(abandonedRuns.closeSilent(Duration.ofMinutes(5)))
                .as("another instance declares it dead")
                .isPositive();
        stageAnAddition(); // the stalled harvester wakes up and goes on staging

        assertThatThrownBy(() -> changes.applyRun(runId, instance.name()))
                .isInstanceOf(ChangeSet.RunFencedException.class)
                .hasMessageContaining("failed");

        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CatalogueRecord.<CatalogueRecord>findById(RECORD) == null))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> StagedChange.count("runId", runId)))
                .isZero();
    }

    @Test
    void onlyTheInstanceRunningARunAppliesIt() {
        runId = runningRun("another-harvester", Instant.now());
        stageAnAddition();

        assertThatThrownBy(() -> changes.applyRun(runId, instance.name()))
                .isInstanceOf(ChangeSet.RunFencedException.class);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CatalogueRecord.<CatalogueRecord>findById(RECORD) == null))
                .isTrue();
    }

    private static long runningRun(String owner, Instant heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = new HarvestRun();
            run.sourceId = SOURCE;
            run.status = RunStatus.RUNNING;
            run.triggeredBy = HarvestRun.Trigger.OPERATOR;
            run.startedAt = heartbeat.minusSeconds(60);
            run.heartbeatAt = heartbeat;
            run.owner = owner;
            run.persist();
            return run.id;
        });
    }

    private void stageAnAddition() {
        QuarkusTransaction.requiringNew().run(() -> {
            StagedChange change = new StagedChange();
            change.runId = runId;
            change.recordId = RECORD;
            change.change = StagedChange.Kind.ADDED;
            change.sourceRecordId = "FENCED-OUT";
            change.url = "https://www.mohw.go.kr/svc/view.do?svcId=FENCED-OUT";
            change.document = "{\"id\":\"" + RECORD + "\",\"name\":{\"ko\":\"늦게 깨어난 실행\"}}";
            change.contentHash = RecordStore.sha256(change.document);
            change.definitionHash = "test";
            change.persist();
        });
    }
}
