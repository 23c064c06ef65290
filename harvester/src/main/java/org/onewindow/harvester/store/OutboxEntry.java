package org.onewindow.harvester.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * A change waiting to reach Elasticsearch, written in the same transaction as the record change, so a publish
 * that fails (node down) is retried later instead of lost.
 */
@Entity
@Table(name = "publish_outbox")
public class OutboxEntry extends PanacheEntityBase {

    public enum Operation {
        INDEX,
        DELETE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Operation operation;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static void enqueue(String recordId, Operation operation) {
        OutboxEntry entry = new OutboxEntry();
        entry.recordId = recordId;
        entry.operation = operation;
        entry.createdAt = Instant.now();
        entry.persist();
    }

    /** Entries gathered while a chunk of changes is applied, then written in one statement, in the order added. */
    static final class Batch {

        private final List<String> recordIds = new ArrayList<>();
        private final List<String> operations = new ArrayList<>();

        void add(String recordId, Operation operation) {
            recordIds.add(recordId);
            operations.add(operation.name());
        }

        void enqueue() {
            if (recordIds.isEmpty()) {
                return;
            }
            OutboxEntry.getEntityManager().unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert =
                        connection.prepareStatement("insert into publish_outbox (record_id, operation, created_at)"
                                + " select queued.record_id, queued.operation, now()"
                                + " from unnest(?, ?) with ordinality as queued (record_id, operation, position)"
                                + " order by queued.position")) {
                    insert.setArray(1, connection.createArrayOf("text", recordIds.toArray()));
                    insert.setArray(2, connection.createArrayOf("text", operations.toArray()));
                    insert.executeUpdate();
                }
            });
            recordIds.clear();
            operations.clear();
        }
    }

    /** Queues every active record, e.g. when the index was lost: PostgreSQL is the record of truth. */
    public static int enqueueAllActive() {
        return getEntityManager()
                .createNativeQuery("insert into publish_outbox (record_id, operation, created_at)"
                        + " select id, 'INDEX', now() from service_record where status = 'ACTIVE'")
                .executeUpdate();
    }
}
