package org.onewindow.harvester.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.signals.CatalogueState;
import org.onewindow.harvester.store.Notification;
import org.onewindow.harvester.store.Source;

/**
 * Notices a source turning red (or green again) and publishing falling behind (or catching up), every
 * {@code onewindow.signals.watch-interval}, and notifies once per change: the last state of each is kept in
 * {@code signal_state}, and a conditional update lets one instance alone record a change that several saw.
 */
@ApplicationScoped
public class SignalWatch {

    private static final Logger LOG = Logger.getLogger(SignalWatch.class);
    static final String PUBLISH_LAG = "publish-lag";

    @Inject
    CatalogueState state;

    @Inject
    Notifier notifier;

    @Inject
    HarvesterConfig config;

    @Scheduled(
            identity = "signal-watch",
            every = "${onewindow.signals.watch-interval:30s}",
            delayed = "${onewindow.signals.watch-interval:30s}",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            List<String> sources = QuarkusTransaction.requiringNew()
                    .call(() -> Source.<Source>list("deletedAt is null").stream()
                            .map(source -> source.id)
                            .toList());
            observe(state.current(), sources);
        } catch (RuntimeException e) {
            LOG.warnf("signals not checked this time: %s", e.getMessage());
        }
    }

    /** Compares what the snapshot says with the states last seen and notifies each change. */
    public void observe(CatalogueState.Snapshot snapshot, List<String> sourceIds) {
        Map<String, String> known = QuarkusTransaction.requiringNew().call(SignalWatch::knownStates);
        for (String source : sourceIds) {
            boolean red = snapshot.redSources().contains(source);
            String subject = "source:" + source;
            String now = red ? "red" : "green";
            if (now.equals(known.get(subject))) {
                continue;
            }
            boolean notify = known.containsKey(subject) || red; // a source first seen green is news to nobody
            changed(
                    subject,
                    now,
                    notify,
                    () -> red
                            ? notifier.record(
                                    Notification.Event.SOURCE_RED,
                                    source,
                                    null,
                                    "source " + source
                                            + " is red: its last runs failed, or it has not succeeded in time",
                                    Map.of())
                            : notifier.record(
                                    Notification.Event.SOURCE_RECOVERED,
                                    source,
                                    null,
                                    "source " + source + " is green again",
                                    Map.of()));
        }
        long oldest = snapshot.lag().oldestSeconds();
        long threshold = config.signals().publishLagThreshold().toSeconds();
        boolean lagging = oldest > threshold;
        String now = lagging ? "lagging" : "ok";
        if (!now.equals(known.get(PUBLISH_LAG))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("outboxDepth", snapshot.lag().depth());
            details.put("oldestSeconds", oldest);
            details.put("thresholdSeconds", threshold);
            changed(
                    PUBLISH_LAG,
                    now,
                    known.containsKey(PUBLISH_LAG) || lagging,
                    () -> lagging
                            ? notifier.record(
                                    Notification.Event.PUBLISH_LAGGING,
                                    null,
                                    null,
                                    "publishing is behind: " + snapshot.lag().depth()
                                            + " change(s) wait, the oldest for " + oldest + " s (threshold " + threshold
                                            + " s)",
                                    details)
                            : notifier.record(
                                    Notification.Event.PUBLISH_CAUGHT_UP,
                                    null,
                                    null,
                                    "publishing caught up: " + snapshot.lag().depth() + " change(s) wait",
                                    details));
        }
    }

    /** Records the new state; when this instance is the one that changed it, notifies (in the same transaction). */
    private static void changed(String subject, String state, boolean notify, Supplier<Notification> notification) {
        QuarkusTransaction.requiringNew().run(() -> {
            var entityManager = Source.getEntityManager();
            int inserted = entityManager
                    .createNativeQuery("insert into signal_state (subject, state, changed_at) values (?1, ?2, now())"
                            + " on conflict (subject) do nothing")
                    .setParameter(1, subject)
                    .setParameter(2, state)
                    .executeUpdate();
            int updated = inserted == 1
                    ? 0
                    : entityManager
                            .createNativeQuery("update signal_state set state = ?2, changed_at = now()"
                                    + " where subject = ?1 and state <> ?2")
                            .setParameter(1, subject)
                            .setParameter(2, state)
                            .executeUpdate();
            if (notify && (inserted == 1 || updated == 1)) {
                notification.get();
            }
        });
    }

    private static Map<String, String> knownStates() {
        Map<String, String> states = new HashMap<>();
        List<?> rows = Source.getEntityManager()
                .createNativeQuery("select subject, state from signal_state")
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            states.put((String) columns[0], (String) columns[1]);
        }
        return states;
    }
}
