package org.onewindow.harvester.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.harvester.api.SourceAccess;
import org.onewindow.harvester.health.SourceHealth;
import org.onewindow.harvester.health.SourceHealths;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStatus;
import org.onewindow.harvester.store.Source;

/** The sources page's rows: every source the caller may see, its health, last run and records, in a few queries. */
@ApplicationScoped
public class SourceRows {

    /** One source at a glance. */
    public record Row(
            String id,
            String kind,
            String agencyName,
            String agencyCode,
            SourceHealth health,
            HarvestRun lastRun,
            long records) {

        public String state() {
            return health.state().name().toLowerCase(Locale.ROOT);
        }

        /** The last run's status (succeeded, partial, …); empty when it never ran. */
        public String lastRunStatus() {
            return lastRun == null ? "" : lastRun.status.name().toLowerCase(Locale.ROOT);
        }

        /** The label of the last run's status. */
        public String lastRunStatusKey() {
            return "status." + lastRunStatus();
        }
    }

    /** How the page is ordered: by health (red first), id, last run (newest first) or records (most first). */
    public enum Order {
        HEALTH(Comparator.comparingInt((Row row) -> switch (row.health().state()) {
                    case RED -> 0;
                    case GREEN -> 1;
                    case DISABLED -> 2;
                })
                .thenComparing(Row::id)),
        ID(Comparator.comparing(Row::id)),
        LAST_RUN(Comparator.comparing(
                        (Row row) -> row.lastRun() == null ? Instant.MIN : row.lastRun().startedAt,
                        Comparator.reverseOrder())
                .thenComparing(Row::id)),
        RECORDS(Comparator.comparingLong(Row::records).reversed().thenComparing(Row::id));

        final Comparator<Row> comparator;

        Order(Comparator<Row> comparator) {
            this.comparator = comparator;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String labelKey() {
            return "sort." + key();
        }

        static Order of(String key) {
            for (Order order : values()) {
                if (order.key().equals(key)) {
                    return order;
                }
            }
            return HEALTH;
        }
    }

    @Inject
    SourceCatalog sources;

    @Inject
    SourceAccess access;

    @Inject
    SourceHealths healths;

    /**
     * @param state  only sources in this state (green, red, disabled); null for all
     * @param search only sources whose id, agency name or code contains it (case-insensitive); null for all
     */
    public List<Row> rows(String state, String search, Order order) {
        List<Source> visible = QuarkusTransaction.requiringNew()
                .call(() -> sources.all().stream().filter(access::mayActOn).toList());
        Instant now = Instant.now();
        Map<String, SourceHealth> health = healths.of(visible, now);
        Map<String, HarvestRun> lastRuns = lastRuns(visible);
        Map<String, Long> records = activeRecords();
        String needle =
                search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        return visible.stream()
                .map(source -> new Row(
                        source.id,
                        source.kind,
                        source.agencyName,
                        source.agencyCode,
                        health.get(source.id),
                        lastRuns.get(source.id),
                        records.getOrDefault(source.id, 0L)))
                .filter(row -> state == null || state.isBlank() || row.state().equals(state))
                .filter(row -> needle == null
                        || row.id().toLowerCase(Locale.ROOT).contains(needle)
                        || (row.agencyName() != null
                                && row.agencyName().toLowerCase(Locale.ROOT).contains(needle))
                        || (row.agencyCode() != null
                                && row.agencyCode().toLowerCase(Locale.ROOT).contains(needle)))
                .sorted(order.comparator)
                .toList();
    }

    private static Map<String, HarvestRun> lastRuns(List<Source> sources) {
        Map<String, HarvestRun> last = new HashMap<>();
        if (sources.isEmpty()) {
            return last;
        }
        List<String> ids = sources.stream().map(source -> source.id).toList();
        QuarkusTransaction.requiringNew()
                .run(() -> HarvestRun.<HarvestRun>list(
                                "id in (select max(r.id) from HarvestRun r where r.sourceId in ?1 group by r.sourceId)",
                                ids)
                        .forEach(run -> last.put(run.sourceId, run)));
        return last;
    }

    private static Map<String, Long> activeRecords() {
        Map<String, Long> counts = new HashMap<>();
        QuarkusTransaction.requiringNew()
                .run(() -> CatalogueRecord.getEntityManager()
                        .createQuery(
                                "select r.sourceId, count(r) from CatalogueRecord r where r.status = ?1 group by r.sourceId",
                                Object[].class)
                        .setParameter(1, RecordStatus.ACTIVE)
                        .getResultList()
                        .forEach(row -> counts.put((String) row[0], (Long) row[1])));
        return counts;
    }
}
