package org.onewindow.signals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    private static final String CALL = "onewindow.call";

    @Inject
    MeterRegistry registry;

    /** By operation and outcome (a few dozen at most), looked up rather than built for every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        return builder.addInterceptorFirst(this::sent).addInterceptorLast(this::answered);
    }

    /** What a request's answer is timed against; one attribute of the request's context (each one added costs). */
    private record Call(long started, String operation) {}

    private void sent(HttpRequest request, HttpContext context) {
        context.setAttribute(
                CALL,
                new Call(System.nanoTime(), operation(request.getRequestLine().getUri())));
    }

    private void answered(HttpResponse response, HttpContext context) {
        if (!(context.getAttribute(CALL) instanceof Call call)) {
            return;
        }
        String operation = call.operation();
        long started = call.started();
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
        // read by hand, not with URI or a regex: it runs on every request of the app's hottest path (suggest)
        int end = uri.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = uri.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        int scheme = uri.indexOf("://");
        int from = scheme >= 0 && scheme < end ? uri.indexOf('/', scheme + 3) : 0;
        if (from < 0 || from >= end) {
            return "root";
        }
        while (from < end && uri.charAt(from) == '/') {
            from++;
        }
        if (from == end) {
            return "root";
        }
        while (from < end) {
            int slash = uri.indexOf('/', from);
            int segmentEnd = slash < 0 || slash > end ? end : slash;
            if (segmentEnd - from > 1 && uri.charAt(from) == '_') {
                StringBuilder name = new StringBuilder(segmentEnd - from - 1);
                for (int i = from + 1; i < segmentEnd; i++) {
                    char c = uri.charAt(i);
                    if ((c >= 'a' && c <= 'z') || c == '_') {
                        name.append(c);
                    }
                }
                return name.toString();
            }
            from = segmentEnd + 1;
        }
        return "index";
    }
}
