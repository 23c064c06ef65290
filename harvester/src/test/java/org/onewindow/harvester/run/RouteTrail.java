package org.onewindow.harvester.run;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.fetch.FetchRequest;

/**
 * Which route each exchange entered, and for what (a run's id, a record's source id, a fetched URL): every route of
 * the test application gets this policy (Camel adds the {@link RoutePolicyFactory} beans it finds to its context).
 */
@Singleton
public class RouteTrail implements RoutePolicyFactory {

    /** An exchange entered route {@code routeId}; {@code runId} is null for an exchange that does not carry its run. */
    public record Passage(String routeId, Long runId, String subject) {}

    private final Queue<Passage> passages = new ConcurrentLinkedQueue<>();

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                HarvestContext run = HarvestContext.of(exchange);
                Object body = exchange.getMessage().getBody();
                Long runId = run != null ? Long.valueOf(run.runId()) : body instanceof Long id ? id : null;
                passages.add(new Passage(route.getRouteId(), runId, subject(body)));
            }
        };
    }

    private static String subject(Object body) {
        if (body instanceof RecordRef ref) {
            return ref.sourceRecordId();
        }
        if (body instanceof RecordWork work) {
            return work.sourceRecordId();
        }
        if (body instanceof FetchRequest fetch) {
            return fetch.request().url();
        }
        return null;
    }

    public List<Passage> passages() {
        return List.copyOf(passages);
    }
}
