package org.onewindow.harvester.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * Fetches one page over HTTP: GET (conditional when we hold validators), or POST of a form. Every answer comes
 * back as a page with its status; a failure is the absence of a usable answer: timeout, refused or reset
 * connection, a body cut off, too big or dripping in slower than the fetch's time cap. The body is read as a
 * stream and abandoned at the cap, never buffered whole first. Redirects are not followed here: {@link PageFetcher}
 * follows them, checking each hop.
 */
@ApplicationScoped
public class PageFetchRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:fetch-page";
    private static final String CALL = "onewindow.call";
    private static final String STARTED = "onewindow.started";

    @Inject
    HarvesterConfig config;

    @Override
    public void configure() {
        // spotless:off: a route reads as its nesting
        onException(Exception.class)
                .handled(true)
                .process(this::describeFailure);

        from(ENDPOINT).routeId("fetch-page").noStreamCaching() // the body is read here, capped, never buffered whole first
                .process(this::prepareRequest)
                .choice()
                    .when(exchange -> exchange.getProperty(CALL, FetchCall.class).allowPrivateNetworks())
                        .to(httpEndpoint(FetchConnections.PRIVATE))
                    .otherwise()
                        .to(httpEndpoint(FetchConnections.PUBLIC))
                .end()
                .process(this::readResponse);
        // spotless:on
    }

    /** The HTTP endpoint over one of the guarded connection pools (one per permission level, never shared). */
    private String httpEndpoint(String pool) {
        long timeout = config.harvest().fetchTimeout().toMillis();
        return String.format(
                "http://agency-site?throwExceptionOnFailure=false&followRedirects=false&disableStreamCache=true"
                        + "&clientConnectionManager=#%s&connectionRequestTimeout=%d&responseTimeout=%d",
                pool, timeout, timeout);
    }

    private void prepareRequest(Exchange exchange) {
        FetchCall call = exchange.getMessage().getBody(FetchCall.class);
        PageRequest request = call.request();
        exchange.setProperty(CALL, call);
        exchange.setProperty(STARTED, System.nanoTime());
        var message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_URI, request.url());
        message.setHeader("User-Agent", config.harvest().userAgent());
        message.setHeader("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
        message.setHeader("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5");
        if (request.method() == PageRequest.Method.POST) {
            message.setHeader(Exchange.HTTP_METHOD, "POST");
            message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            message.setBody(request.form().entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        } else {
            message.setHeader(Exchange.HTTP_METHOD, "GET");
            if (call.validators().etag() != null) {
                message.setHeader("If-None-Match", call.validators().etag());
            }
            if (call.validators().lastModified() != null) {
                message.setHeader("If-Modified-Since", call.validators().lastModified());
            }
            message.setBody(null);
        }
    }

    private void readResponse(Exchange exchange) throws IOException {
        FetchCall call = exchange.getProperty(CALL, FetchCall.class);
        PageRequest request = call.request();
        var message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        long started = exchange.getProperty(STARTED, Long.class);
        long maxBytes = config.harvest().maxBodyBytes();
        Long declared = message.getHeader("Content-Length", Long.class);
        byte[] body;
        // Not closed here: closing an unfinished body would drain it; camel-http closes the response when the
        // exchange completes, which drops the connection instead.
        InputStream stream = message.getBody(InputStream.class);
        try {
            if (declared != null && declared > maxBytes) {
                message.setBody(
                        new FetchOutcome.Failed(request.url(), tooBig(declared + " bytes (Content-Length)"), false));
                return;
            }
            body = readCapped(
                    stream, maxBytes, started + config.harvest().fetchTimeCap().toNanos());
        } catch (BodyRefused refused) {
            message.setBody(new FetchOutcome.Failed(request.url(), refused.getMessage(), refused.retryable));
            return;
        }
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        Validators validators = new Validators(
                message.getHeader("ETag", String.class), message.getHeader("Last-Modified", String.class));
        message.setBody(new FetchOutcome.Fetched(
                new FetchedPage(request, request.url(), status == null ? 0 : status, contentType, body),
                message.getHeader("Location", String.class),
                validators,
                message.getHeader("Retry-After", String.class)));
    }

    private byte[] readCapped(InputStream stream, long maxBytes, long deadlineNanos) throws IOException {
        if (stream == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            int read;
            try {
                read = stream.read(buffer);
            } catch (IOException e) {
                throw new BodyRefused("body cut off after " + out.size() + " bytes: " + e.getMessage(), true);
            }
            if (read < 0) {
                return out.toByteArray();
            }
            out.write(buffer, 0, read);
            if (out.size() > maxBytes) {
                throw new BodyRefused(tooBig("more than that"), false);
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new BodyRefused(
                        "body still arriving after "
                                + config.harvest().fetchTimeCap().toSeconds() + " s (" + out.size()
                                + " bytes so far): abandoned",
                        false);
            }
        }
    }

    private String tooBig(String size) {
        return "body of " + size + " exceeds the limit of " + config.harvest().maxBodyBytes() + " bytes";
    }

    private void describeFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        FetchCall call = exchange.getProperty(CALL, FetchCall.class);
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String url = call == null ? "?" : call.request().url();
        if (root instanceof GuardedConnections.InternalAddressRefused refused) {
            exchange.getMessage().setBody(new FetchOutcome.Failed(url, refused.getMessage(), false));
            return;
        }
        String reason = root == null
                ? "unknown failure"
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        exchange.getMessage().setBody(new FetchOutcome.Failed(url, reason, true));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The body is not taken: too big, too slow, or cut off. */
    private static final class BodyRefused extends IOException {
        final boolean retryable;

        BodyRefused(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }
}
