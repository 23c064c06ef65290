package org.onewindow.harvester.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.TestRecords;
import org.onewindow.harvester.publish.CataloguePublisher;
import org.onewindow.harvester.run.InstanceIdentity;
import org.onewindow.mappings.model.CatalogueIds;

/**
 * A first harvest applies thousands of new services at once: their records, versions and outbox entries go to
 * PostgreSQL in batches, not in a round trip each, and stay whole and in order.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class ApplyBatchesTest {

    private static final String SOURCE = "mohw-welfare";
    private static final String BATCHED = "APPLY-BATCH-";
    private static final String BESIDE_SQL = "APPLY-BESIDE-SQL-";
    private static final int SERVICES = 600;

    @Inject
    ChangeSet changes;

    @Inject
    InstanceIdentity instance;

    @Inject
    SessionFactory sessions;

    @Inject
    CataloguePublisher publisher;

    @AfterEach
    void withdrawWhatTheTestAdded() throws IOException {
        TestRecords.withdraw(
                publisher, "sourceRecordId like ?1 or sourceRecordId like ?2", BATCHED + "%", BESIDE_SQL + "%");
    }

    @Test
    void aRunOfManyNewServicesIsAppliedInBatchesNotARoundTripEach() {
        long runId = runningRun();
        stageAdditions(runId, BATCHED, 0, SERVICES);
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        long statementsBefore = statistics.getPrepareStatementCount();

        ChangeSet.Summary applied = finishedAfter(runId, () -> changes.applyRun(runId, instance.name()));
        long statements = statistics.getPrepareStatementCount() - statementsBefore;

        assertThat(applied.added()).isEqualTo(SERVICES);
        // before: a version and an outbox entry inserted one by one (identity ids), ≥ 2 statements per service
        assertThat(statements)
                .as("statements prepared to apply %d new services", SERVICES)
                .isLessThan(SERVICES / 10);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> ServiceVersion.count("recordId like ?1 and revision = 1", everyRecordId(BATCHED))))
                .isEqualTo(SERVICES);
        List<String> queued = QuarkusTransaction.requiringNew()
                .call(() ->
                        OutboxEntry.<OutboxEntry>list("recordId like ?1 order by id", everyRecordId(BATCHED)).stream()
                                .map(entry -> entry.recordId)
                                .toList());
        if (!queued.isEmpty()) { // the drainer may have published some already
            assertThat(queued).as("queued in the order applied").isSorted();
        }
    }

    @Test
    void versionIdsTakenInBlocksNeverClashWithVersionsWrittenBySql() {
        long first = runningRun();
        stageAdditions(first, BESIDE_SQL, 0, 3);
        finishedAfter(first, () -> changes.applyRun(first, instance.name()));
        // a maintenance statement takes the column's default meanwhile
        QuarkusTransaction.requiringNew()
                .run(() -> ServiceVersion.getEntityManager()
                        .createNativeQuery("insert into service_version (record_id, revision, change, changed_fields,"
                                + " changed_at) values (?1, 99, 'UPDATED', 'status', now())")
                        .setParameter(1, recordId(BESIDE_SQL, 0))
                        .executeUpdate());
        long second = runningRun();
        stageAdditions(second, BESIDE_SQL, 3, 60);

        assertThat(finishedAfter(second, () -> changes.applyRun(second, instance.name()))
                        .added())
                .isEqualTo(60);
        long distinctIds = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) ServiceVersion.getEntityManager()
                                .createNativeQuery(
                                        "select count(distinct id) from service_version where record_id like ?1")
                                .setParameter(1, everyRecordId(BESIDE_SQL))
                                .getSingleResult())
                        .longValue());
        assertThat(distinctIds).isEqualTo(3 + 1 + 60);
    }

    private long runningRun() {
        return QuarkusTransaction.requiringNew().call(() -> {
            HarvestRun run = new HarvestRun();
            run.sourceId = SOURCE;
            run.status = RunStatus.RUNNING;
            run.owner = instance.name();
            run.triggeredBy = HarvestRun.Trigger.OPERATOR;
            run.startedAt = Instant.now();
            run.heartbeatAt = run.startedAt;
            run.persist();
            return run.id;
        });
    }

    /** The run closed whatever happens, so that the source's next run may start. */
    private static <T> T finishedAfter(long runId, Supplier<T> work) {
        try {
            return work.get();
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> HarvestRun.<HarvestRun>findById(runId).status = RunStatus.SUCCEEDED);
        }
    }

    private static void stageAdditions(long runId, String prefix, int from, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = from; i < from + count; i++) {
                StagedChange change = new StagedChange();
                change.runId = runId;
                change.recordId = recordId(prefix, number(i));
                change.change = StagedChange.Kind.ADDED;
                change.sourceRecordId = prefix + number(i);
                change.url = "https://www.mohw.go.kr/svc/view.do?svcId=" + change.sourceRecordId;
                change.document = "{\"id\":\"" + change.recordId + "\",\"name\":{\"ko\":\"일괄 적용 " + i + "\"}}";
                change.contentHash = RecordStore.sha256(change.document);
                change.definitionHash = "test";
                change.persist();
            }
        });
    }

    private static String recordId(String prefix, String number) {
        return CatalogueIds.of(SOURCE, prefix + number);
    }

    /** A LIKE pattern of the ids of one test's services. */
    private static String everyRecordId(String prefix) {
        return CatalogueIds.of(SOURCE, prefix) + "%";
    }

    private static String recordId(String prefix, int i) {
        return recordId(prefix, number(i));
    }

    private static String number(int i) {
        return String.format("%05d", i);
    }
}
