package org.onewindow.signals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.protocol.HttpContext;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Times every request of the app's Elasticsearch client, from sending it to its answer's status line:
 * {@code onewindow_elasticsearch_request_seconds{operation, outcome}}.
 */
@ElasticsearchClientConfig
@ApplicationScoped
public class ElasticsearchCallTimer implements RestClientBuilder.HttpClientConfigCallback {

    static final String METRIC = "onewindow.elasticsearch.request";
    private static final String STARTED = "onewindow.started";
    private static final String OPERATION = "onewindow.operation";

    @Inject
    MeterRegistry registry;

    /** By operation and outcome (a few dozen at most), looked up rather than built for every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        return builder.addInterceptorFirst(this::sent).addInterceptorLast(this::answered);
    }

    private void sent(HttpRequest request, HttpContext context) {
        context.setAttribute(STARTED, System.nanoTime());
        context.setAttribute(OPERATION, operation(request.getRequestLine().getUri()));
    }

    private void answered(HttpResponse response, HttpContext context) {
        if (!(context.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        String operation = String.valueOf(context.getAttribute(OPERATION));
        String outcome = response.getStatusLine().getStatusCode() / 100 + "xx";
        timers.computeIfAbsent(
                        operation + " " + outcome,
                        key -> Timer.builder(METRIC)
                                .description("Elasticsearch requests: latency by operation and outcome")
                                .tag("operation", operation)
                                .tag("outcome", outcome)
                                .serviceLevelObjectives(LatencyBuckets.CALLS)
                                .register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /**
     * The API a request calls, without what names its index or document: its first {@code _}-segment ({@code
     * /services-v6/_search} is {@code search}), {@code index} for a call on an index itself, {@code root} for {@code /}.
     */
    static String operation(String uri) {
        String path = URI.create(uri.startsWith("/") ? uri : "/" + uri).getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "root";
        }
        for (String segment : path.substring(1).split("/")) {
            if (segment.startsWith("_") && segment.length() > 1) {
                return segment.substring(1).replaceAll("[^a-z_]", "");
            }
        }
        return "index";
    }
}
