package org.onewindow.harvester.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.onewindow.connectors.PageRequest;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * What each site's robots.txt allows us (RFC 9309, parsed by crawler-commons), read once per site and kept for a
 * while. A robots.txt that answers 4xx allows everything; one that answers 5xx or not at all disallows everything
 * until it is asked again a minute later.
 */
@ApplicationScoped
public class RobotsRules {

    /** Our product token in robots.txt groups (matched case-insensitively, also by "*"). */
    static final String ROBOT_NAME = "onewindowharvester";

    private static final long UNREACHABLE_CACHE_MILLIS = 60_000;

    /** @param crawlDelayMillis the site's Crawl-delay, capped; 0 when it sets none */
    public record Verdict(boolean allowed, long crawlDelayMillis, String reason) {}

    private record Cached(BaseRobotRules rules, String reason, long expiresAt) {}

    @Inject
    PageFetcher fetcher;

    @Inject
    HostGate gate;

    @Inject
    HarvesterConfig config;

    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE / 2, 10);

    public Verdict check(String url, FetchSession session) {
        String robotsUrl = robotsUrl(url);
        if (robotsUrl == null) {
            return new Verdict(true, 0, null);
        }
        Cached cached = cache.get(robotsUrl);
        if (cached == null || cached.expiresAt() < System.currentTimeMillis()) {
            cached = read(robotsUrl, session);
            cache.put(robotsUrl, cached);
        }
        boolean allowed = cached.rules().isAllowed(url);
        long delay = cached.rules().getCrawlDelay();
        long crawlDelay = delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0
                ? 0
                : Math.min(delay, config.harvest().maxCrawlDelay().toMillis());
        return new Verdict(allowed, crawlDelay, allowed ? null : cached.reason());
    }

    private Cached read(String robotsUrl, FetchSession session) {
        long now = System.currentTimeMillis();
        FetchOutcome outcome = gate.withTurn(
                robotsUrl,
                session.delayMillis(),
                () -> fetcher.fetch(
                        new FetchCall(PageRequest.get(robotsUrl), Validators.NONE), session, RequestSecrets.NONE));
        session.counted(outcome);
        if (outcome instanceof FetchOutcome.Failed failed) {
            return new Cached(
                    new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
                    "robots.txt unreachable (" + failed.reason() + "): the site is not crawled until it answers",
                    now + unreachableCacheMillis());
        }
        var page = ((FetchOutcome.Fetched) outcome).page();
        int status = page.status();
        if (status >= 500 || status == 429) {
            return new Cached(
                    new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
                    "robots.txt answered HTTP " + status + ": the site is not crawled until it answers",
                    now + unreachableCacheMillis());
        }
        long keep = now + config.harvest().robotsCache().toMillis();
        if (status >= 400 || status < 200 || status >= 300) {
            return new Cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, keep);
        }
        BaseRobotRules rules = parser.parseContent(
                robotsUrl,
                page.body(),
                page.contentType() == null ? "text/plain" : page.contentType(),
                List.of(ROBOT_NAME));
        return new Cached(rules, "disallowed by robots.txt", keep);
    }

    /** A site whose robots.txt did not answer is asked again soon: a minute, or sooner when the cache is shorter. */
    private long unreachableCacheMillis() {
        return Math.min(UNREACHABLE_CACHE_MILLIS, config.harvest().robotsCache().toMillis());
    }

    static String robotsUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt";
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
