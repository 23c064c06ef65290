package org.onewindow.harvester.signals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.onewindow.harvester.fetch.FetchOutcome;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.harvester.store.Stage;
import org.onewindow.signals.LatencyBuckets;
import org.onewindow.signals.RateLimitCounter;

/**
 * What the harvester counts as it works, for Prometheus. Labels stay few: a source id or an agency host (hundreds at
 * most), an outcome, a stage or a change kind; never a service id or a URL.
 */
@ApplicationScoped
public class HarvestMetrics {

    /** What a run may find a service to be: the change kinds of {@code onewindow_harvest_records_total}. */
    static final List<String> CHANGES =
            List.of("added", "updated", "unchanged", "withdrawn", "rejected", "gone", "errored");

    /** Hosts that get a label of their own; the rest are {@value #OTHER_HOSTS}, so a runaway source cannot flood Prometheus. */
    static final int MAX_HOSTS = 1000;

    static final String OTHER_HOSTS = "other";

    @Inject
    MeterRegistry registry;

    @Inject
    RateLimitCounter rateLimits;

    private record FetchKey(String host, String outcome) {}

    private record FetchMeters(Timer latency, Counter bytes) {}

    /** Looked up once per host and outcome, not built for every request. */
    private final Map<FetchKey, FetchMeters> fetchMeters = new ConcurrentHashMap<>();

    private final Set<String> labelledHosts = ConcurrentHashMap.newKeySet();

    /** Every stage, change kind and limit at zero from the start: a rate over them is 0, not absent. */
    void showEveryKindAtZero(@Observes StartupEvent started) {
        for (Stage stage : Stage.values()) {
            errors(stage);
        }
        CHANGES.forEach(this::records);
        rateLimits.register("wrong-keys", "pings");
    }

    /** One request to an agency's site (one hop of a redirect chain), its latency and what came of it. */
    public void fetched(String url, FetchOutcome outcome, long nanos) {
        FetchMeters meters =
                fetchMeters.computeIfAbsent(new FetchKey(hostLabel(host(url)), outcome(outcome)), this::meters);
        meters.latency().record(nanos, TimeUnit.NANOSECONDS);
        if (outcome instanceof FetchOutcome.Fetched fetched && fetched.page().body() != null) {
            meters.bytes().increment(fetched.page().body().length);
        }
    }

    /** A host's own label while fewer than {@value #MAX_HOSTS} have one; after that, hosts not yet seen share "other". */
    private String hostLabel(String host) {
        if (labelledHosts.contains(host)) {
            return host;
        }
        synchronized (labelledHosts) {
            if (labelledHosts.size() < MAX_HOSTS) {
                labelledHosts.add(host);
                return host;
            }
        }
        return OTHER_HOSTS;
    }

    private FetchMeters meters(FetchKey key) {
        return new FetchMeters(
                Timer.builder("onewindow.fetch")
                        .description("Requests to agency sites: latency by host and outcome")
                        .tag("host", key.host())
                        .tag("outcome", key.outcome())
                        .serviceLevelObjectives(LatencyBuckets.CALLS)
                        .register(registry),
                Counter.builder("onewindow.fetch.bytes")
                        .description("Bytes read from agency sites, by host")
                        .baseUnit("bytes")
                        .tag("host", key.host())
                        .register(registry));
    }

    /** A run that ended (or was held): its outcome by source, and what it did to the services, by change kind. */
    public void runEnded(HarvestRun run) {
        Counter.builder("onewindow.harvest.runs")
                .description("Harvest runs ended, by source and outcome")
                .tag("source", run.sourceId)
                .tag("outcome", run.status.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        if (run.status == RunStatus.FAILED || run.status == RunStatus.CANCELLED) {
            return;
        }
        records("added").increment(run.added);
        records("updated").increment(run.updated);
        records("unchanged").increment(run.unchanged);
        records("withdrawn").increment(run.withdrawn);
        records("rejected").increment(run.rejected);
        records("gone").increment(run.gone);
        records("errored").increment(run.errored);
    }

    public void error(Stage stage) {
        errors(stage).increment();
    }

    private Counter errors(Stage stage) {
        return Counter.builder("onewindow.harvest.errors")
                .description("Harvest errors, by stage")
                .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter records(String change) {
        return Counter.builder("onewindow.harvest.records")
                .description("Services as runs found them, by change kind")
                .tag("change", change)
                .register(registry);
    }

    static String outcome(FetchOutcome outcome) {
        if (!(outcome instanceof FetchOutcome.Fetched fetched)) {
            return "failed";
        }
        int status = fetched.page().status();
        return status == 304 ? "not_modified" : status / 100 + "xx";
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "unknown" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
