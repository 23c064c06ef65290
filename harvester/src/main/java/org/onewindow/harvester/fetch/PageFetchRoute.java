package org.onewindow.harvester.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.harvester.config.HarvesterConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fetches one page over HTTP: GET, or POST of a form. Every answer comes back as a page with its status; only
 * the absence of an answer (timeout, connection refused or reset) is a failure. Redirects are not followed here:
 * {@link PageFetcher} follows them, checking each hop.
 */
@ApplicationScoped
public class PageFetchRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:fetch-page";
    private static final String REQUEST = "onewindow.request";

    @Inject
    HarvesterConfig config;

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(this::describeFailure);

        long timeout = config.harvest().fetchTimeout().toMillis();
        from(ENDPOINT).routeId("fetch-page")
                .process(this::prepareRequest)
                .toF("http://agency-site?throwExceptionOnFailure=false&followRedirects=false"
                        + "&connectTimeout=%d&connectionRequestTimeout=%d&responseTimeout=%d&soTimeout=%d",
                        timeout, timeout, timeout, timeout)
                .process(this::readResponse);
    }

    private void prepareRequest(Exchange exchange) {
        PageRequest request = exchange.getMessage().getBody(PageRequest.class);
        exchange.setProperty(REQUEST, request);
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
            message.setBody(null);
        }
    }

    private void readResponse(Exchange exchange) {
        PageRequest request = exchange.getProperty(REQUEST, PageRequest.class);
        var message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = message.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > config.harvest().maxBodyBytes()) {
            message.setBody(new FetchOutcome.Failed(request.url(), "body of " + body.length
                    + " bytes exceeds the limit of " + config.harvest().maxBodyBytes()));
            return;
        }
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        message.setBody(new FetchOutcome.Fetched(
                new FetchedPage(request, request.url(), status == null ? 0 : status, contentType, body),
                message.getHeader("Location", String.class)));
    }

    private void describeFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        PageRequest request = exchange.getProperty(REQUEST, PageRequest.class);
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root == null ? "unknown failure"
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        exchange.getMessage().setBody(new FetchOutcome.Failed(request == null ? "?" : request.url(), reason));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
