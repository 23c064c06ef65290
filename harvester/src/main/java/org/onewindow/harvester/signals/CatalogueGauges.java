package org.onewindow.harvester.signals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;

/** The catalogue's state as Prometheus gauges (read through {@link CatalogueState}, so a scrape costs no query). */
@ApplicationScoped
public class CatalogueGauges {

    @Inject
    MeterRegistry registry;

    @Inject
    CatalogueState state;

    void register(@Observes StartupEvent started) {
        gauge(
                "onewindow.outbox.depth",
                "Changes waiting in the outbox to be published",
                null,
                s -> s.lag().depth());
        gauge(
                "onewindow.outbox.oldest.age",
                "How long the oldest change in the outbox has waited",
                "seconds",
                s -> s.lag().oldestSeconds());
        gauge("onewindow.runs.held", "Runs held for review", null, CatalogueState.Snapshot::heldRuns);
        gauge(
                "onewindow.dead.letters",
                "Documents Elasticsearch refused, waiting for a retry",
                null,
                s -> s.deadLetters());
        gauge(
                "onewindow.sources.red",
                "Sources whose health is red",
                null,
                s -> s.redSources().size());
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<CatalogueState.Snapshot> value) {
        Gauge.builder(name, state, current -> {
                    try {
                        return value.applyAsDouble(current.current());
                    } catch (RuntimeException e) {
                        return Double.NaN; // never read yet, and PostgreSQL is away
                    }
                })
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }
}
