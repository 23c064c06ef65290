package org.onewindow.harvester.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes down each firing of a schedule: when it was due, which instance executed it, what came of it. */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by the Quartz job, which CDI does not see
public class ScheduleFires {

    @Inject
    EntityManager entities;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String sourceId, Instant scheduledAt, String instance, String outcome) {
        entities.createNativeQuery("insert into schedule_fire (source_id, scheduled_at, fired_at, instance, outcome)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, sourceId)
                .setParameter(2, scheduledAt)
                .setParameter(3, Instant.now())
                .setParameter(4, instance)
                .setParameter(5, outcome)
                .executeUpdate();
    }
}
