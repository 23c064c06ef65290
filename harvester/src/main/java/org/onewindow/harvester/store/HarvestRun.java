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
import java.util.List;
import java.util.Optional;

/** One harvest of one source, with its outcome counts. */
@Entity
@Table(name = "harvest_run")
public class HarvestRun extends PanacheEntityBase {

    public enum Trigger {
        SCHEDULE,
        OPERATOR,
        STARTUP,
        /** An agency said pages changed (POST /api/v1/ping): those pages alone. */
        PING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "triggered_by", nullable = false)
    public Trigger triggeredBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** True when the whole listing was read without error: only then may missing records count as missing. */
    @Column(name = "gather_complete", nullable = false)
    public boolean gatherComplete;

    public int added;
    public int updated;
    public int unchanged;
    public int withdrawn;
    public int rejected;
    public int gone;
    public int errored;

    /** Records the listing (or the ping) named so far: the run's progress is the records done of these. */
    public int listed;

    @Column(columnDefinition = "text")
    public String message;

    /** What the run cost the agency site. */
    public int requests;

    @Column(name = "bytes_fetched", nullable = false)
    public long bytesFetched;

    @Column(name = "not_modified", nullable = false)
    public int notModified;

    /** The harvester instance executing the run, and when it last said it still is. */
    public String owner;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    /** Share of the source's services the run changes (added, updated, withdrawn), when it had some. */
    @Column(name = "share_changed")
    public Double shareChanged;

    /** Who asked for the run: a key's holder (through the API), or {@code schedule}. */
    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** Why the reviewer approved or discarded it. */
    @Column(name = "review_reason")
    public String reviewReason;

    /** The source's newest runs, newest first. */
    public static List<HarvestRun> newestFor(String sourceId, int limit) {
        return find("sourceId = ?1 order by id desc", sourceId).page(0, limit).list();
    }

    public static Optional<HarvestRun> latestFor(String sourceId) {
        return find("sourceId = ?1 order by id desc", sourceId).firstResultOptional();
    }

    public static Optional<HarvestRun> runningFor(String sourceId) {
        return find("sourceId = ?1 and status = ?2", sourceId, RunStatus.RUNNING)
                .firstResultOptional();
    }

    public static Optional<HarvestRun> heldFor(String sourceId) {
        return find("sourceId = ?1 and status = ?2", sourceId, RunStatus.HELD).firstResultOptional();
    }

    /** The listed records the run is done with, as its saved counts say (what {@code RunCounts.processed()} counts). */
    public int processed() {
        return added + updated + unchanged + rejected + gone + errored;
    }
}
