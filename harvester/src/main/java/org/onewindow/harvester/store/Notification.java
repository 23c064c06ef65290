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
import java.time.Instant;
import java.util.Locale;

/** Something operators are told (V21): shown in the console, and sent to the webhook when one is configured. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public enum Event {
        RUN_HELD,
        SOURCE_RED,
        SOURCE_RECOVERED,
        PUBLISH_LAGGING,
        PUBLISH_CAUGHT_UP;

        /** The event's name in the webhook's body and header: {@code run.held}, {@code source.red}, … */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
        }
    }

    public enum Delivery {
        /** Waiting for its (next) attempt. */
        PENDING,
        DELIVERED,
        /** Every attempt failed: shown in the console with the last error. */
        FAILED,
        /** No webhook is configured: kept for the console only. */
        NOT_SENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Event event;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "run_id")
    public Long runId;

    @Column(nullable = false, columnDefinition = "text")
    public String summary;

    /** The JSON body the webhook gets. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Delivery delivery;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;
}
