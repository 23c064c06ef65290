package org.onewindow.signals;

import io.agroal.api.AgroalPoolInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;

/**
 * Times how long each unit of work holds a pooled PostgreSQL connection, from taking it from the pool to giving it
 * back: {@code onewindow_postgresql_connection_held_seconds}. A connection is taken and given back on one thread.
 */
@ApplicationScoped
public class PostgresConnectionTimer implements AgroalPoolInterceptor {

    static final String METRIC = "onewindow.postgresql.connection.held";

    private final ThreadLocal<Long> taken = new ThreadLocal<>();

    @Inject
    MeterRegistry registry;

    private Timer held;

    @PostConstruct
    void register() {
        held = Timer.builder(METRIC)
                .description("PostgreSQL: how long a unit of work held a pooled connection")
                .serviceLevelObjectives(LatencyBuckets.CALLS)
                .register(registry);
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        taken.set(System.nanoTime());
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        Long since = taken.get();
        if (since != null) {
            taken.remove();
            held.record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
        }
    }
}
