package org.onewindow.harvester.publish;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Gives committed service versions their change-feed position, every second, one instance at a time (an advisory
 * lock). Only committed rows are seen, so positions follow commit order and a feed reader that resumes after the
 * last position it saw misses nothing, whatever the length of the transactions that wrote the versions.
 */
@ApplicationScoped
public class ChangeFeedSequencer {

    private static final Logger LOG = Logger.getLogger(ChangeFeedSequencer.class);
    private static final long LOCK = 0x0e_feed_0001L;

    @Inject
    EntityManager entities;

    /** Every second, on the in-memory scheduler: the advisory lock keeps it single across instances. */
    @Scheduled(
            identity = "change-feed-sequencer",
            every = "1s",
            delayed = "1s",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void assignPositions() {
        try {
            sequence();
        } catch (RuntimeException e) {
            LOG.warnf("change feed positions not assigned this time: %s", e.getMessage());
        }
    }

    /** Returns how many versions got a position. */
    @Transactional
    public int sequence() {
        Object locked = entities.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        return entities.createNativeQuery("""
                with last as (select coalesce(max(feed_position), 0) as position from service_version),
                     waiting as (select id, row_number() over (order by id) as n from service_version
                                 where feed_position is null order by id limit 10000)
                update service_version v set feed_position = last.position + waiting.n
                from waiting, last where v.id = waiting.id""").executeUpdate();
    }
}
