package org.onewindow.harvester.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.Urls;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.signals.HarvestMetrics;

/**
 * Fetches pages through {@link PageFetchRoute}, refusing internal URLs and following a bounded number of
 * redirects, each hop checked again. No politeness here: {@link FetchRoute} decides when a request may go.
 */
@ApplicationScoped
public class PageFetcher {

    @Inject
    ProducerTemplate producer;

    @Inject
    UrlGuard guard;

    @Inject
    HarvesterConfig config;

    @Inject
    HarvestMetrics metrics;

    /**
     * @param session whether the source may reach loopback and private addresses
     * @param secrets where the secrets a request may carry may go (checked on every hop)
     */
    public FetchOutcome fetch(FetchCall call, FetchSession session, RequestSecrets secrets) {
        boolean allowPrivateNetworks = session.allowPrivateNetworks();
        PageRequest request = call.request();
        PageRequest current = request;
        for (int hop = 0; hop <= config.harvest().maxRedirects(); hop++) {
            Optional<String> secretRefusal = secrets.refusal(current.url());
            if (secretRefusal.isPresent()) {
                return new FetchOutcome.Failed(current.url(), "refused: " + secretRefusal.get(), false);
            }
            Optional<String> refusal = guard.refusal(current.url(), session);
            if (refusal.isPresent()) {
                return new FetchOutcome.Failed(current.url(), "refused: " + refusal.get(), false);
            }
            long started = System.nanoTime();
            FetchOutcome outcome = producer.requestBody(
                    PageFetchRoute.ENDPOINT,
                    new FetchCall(current, call.validators(), allowPrivateNetworks),
                    FetchOutcome.class);
            metrics.fetched(current.url(), outcome, System.nanoTime() - started);
            if (!(outcome instanceof FetchOutcome.Fetched fetched)
                    || !isRedirect(fetched.page().status())
                    || fetched.location() == null) {
                return hop == 0 ? outcome : relabel(outcome, request);
            }
            String next = Urls.absoluteHttp(current.url(), fetched.location());
            if (next == null) {
                return new FetchOutcome.Failed(
                        current.url(), "redirect to an unusable location: " + fetched.location(), false);
            }
            int status = fetched.page().status();
            current = status == 307 || status == 308
                    ? new PageRequest(next, current.method(), current.form())
                    : PageRequest.get(next);
        }
        return new FetchOutcome.Failed(
                request.url(), "more than " + config.harvest().maxRedirects() + " redirects", false);
    }

    /** The page answered after redirects, attributed to the request that was asked for. */
    private static FetchOutcome relabel(FetchOutcome outcome, PageRequest original) {
        if (outcome instanceof FetchOutcome.Fetched fetched) {
            FetchedPage page = fetched.page();
            return new FetchOutcome.Fetched(
                    new FetchedPage(original, page.request().url(), page.status(), page.contentType(), page.body()),
                    null,
                    fetched.validators(),
                    fetched.retryAfter());
        }
        return outcome;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
