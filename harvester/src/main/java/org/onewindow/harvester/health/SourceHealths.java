package org.onewindow.harvester.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Source;

/** The {@link SourceHealth} of sources, from their harvests in two queries whatever their number. */
@ApplicationScoped
public class SourceHealths {

    /** A source's recent harvests, as far as its health needs them. */
    private record History(List<RunStatus> completedNewestFirst, Instant lastSucceeded) {}

    public SourceHealth of(Source source, Instant now) {
        return of(List.of(source), now).get(source.id);
    }

    public Map<String, SourceHealth> of(Collection<Source> sources, Instant now) {
        Map<String, History> histories =
                histories(sources.stream().map(s -> s.id).toList());
        Map<String, SourceHealth> health = new HashMap<>();
        for (Source source : sources) {
            History history = histories.getOrDefault(source.id, new History(List.of(), null));
            health.put(
                    source.id,
                    SourceHealth.of(
                            source.enabled,
                            source.schedule,
                            source.createdAt,
                            history.completedNewestFirst(),
                            history.lastSucceeded(),
                            now));
        }
        return health;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, History> histories(List<String> sourceIds) {
        Map<String, List<RunStatus>> completed = new HashMap<>();
        Map<String, Instant> succeeded = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> last = HarvestRun.getEntityManager()
                    .createNativeQuery("select source_id, status from (select source_id, status, row_number() over"
                            + " (partition by source_id order by finished_at desc, id desc) as n from harvest_run"
                            + " where source_id in (:ids) and status in ('SUCCEEDED', 'PARTIAL', 'FAILED')"
                            + " and triggered_by <> 'PING') r where n <= :runs order by source_id, n")
                    .setParameter("ids", sourceIds)
                    .setParameter("runs", SourceHealth.FAILING_RUNS)
                    .getResultList();
            for (Object[] row : last) {
                completed
                        .computeIfAbsent((String) row[0], id -> new ArrayList<>())
                        .add(RunStatus.valueOf((String) row[1]));
            }
            List<Object[]> latest = HarvestRun.getEntityManager()
                    .createNativeQuery("select source_id, max(finished_at) from harvest_run where source_id in (:ids)"
                            + " and status = 'SUCCEEDED' and triggered_by <> 'PING' group by source_id")
                    .setParameter("ids", sourceIds)
                    .getResultList();
            for (Object[] row : latest) {
                succeeded.put((String) row[0], instant(row[1]));
            }
        });
        Map<String, History> histories = new HashMap<>();
        for (String id : sourceIds) {
            histories.put(id, new History(completed.getOrDefault(id, List.of()), succeeded.get(id)));
        }
        return histories;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
