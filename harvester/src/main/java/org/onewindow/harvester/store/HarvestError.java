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

/** Something that went wrong in a run: the stage, the URL and what happened. */
@Entity
@Table(name = "harvest_error")
public class HarvestError extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public Long runId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(columnDefinition = "text")
    public String url;

    @Column(name = "record_id")
    public String recordId;

    @Column(nullable = false, columnDefinition = "text")
    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
