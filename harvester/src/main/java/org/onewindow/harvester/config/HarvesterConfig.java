package org.onewindow.harvester.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The harvester's own settings; every default is here, once. */
@ConfigMapping(prefix = "onewindow")
public interface HarvesterConfig {

    Operator operator();

    Harvest harvest();

    DryRun dryRun();

    Push push();

    Signals signals();

    /**
     * This harvester instance's name, owner of the runs it executes; instances sharing a database need distinct
     * names (the default is the host name and process id).
     */
    Optional<String> instanceId();

    /**
     * A directory of further mapping files ({@code *.yaml}) loaded at start-up after the bundled ones: a source
     * onboarded without a new build. A file with a bundled source's id replaces it.
     */
    Optional<Path> mappingDir();

    /** Per-source overrides by source id, e.g. {@code onewindow.sources.mohw-welfare.base-url}. */
    Map<String, SourceOverride> sources();

    interface Operator {
        /** Bearer key every operator API call must present. Required: the harvester does not start without one. */
        String key();
    }

    interface Harvest {
        /** Sent with every request: who we are and where to reach us. */
        @WithDefault("OneWindowHarvester/0.1 (+https://github.com/onewindow/onewindow; catalogue of public services)")
        String userAgent();

        /** Connect and read timeout of one page fetch. */
        @WithDefault("20s")
        Duration fetchTimeout();

        /** Whole-fetch cap: a body still dripping in after this is abandoned. */
        @WithDefault("60s")
        Duration fetchTimeCap();

        /** Largest page body read (10 MiB); bigger pages are an error, and reading stops at the limit. */
        @WithDefault("10485760")
        long maxBodyBytes();

        /** Extra attempts after a transient failure (no answer, 5xx, 429), with exponential backoff and jitter. */
        @WithDefault("2")
        int retries();

        /** First backoff; each retry doubles it, and a random jitter of up to the same again is added. */
        @WithDefault("1s")
        Duration backoff();

        /** Longest Retry-After (429, 503) or robots.txt Crawl-delay honoured; a site asking for more is not waited for. */
        @WithDefault("60s")
        Duration maxRetryAfter();

        /** Largest Crawl-delay honoured from robots.txt. */
        @WithDefault("30s")
        Duration maxCrawlDelay();

        /** How long a site's robots.txt is kept before it is read again. */
        @WithDefault("1h")
        Duration robotsCache();

        /**
         * A run that would add, update or withdraw more than this share of a source's services is held for operator
         * review instead of published (per source: {@code onewindow.sources.<id>.review-threshold}).
         */
        @WithDefault("0.3")
        double reviewThreshold();

        /** Runs changing fewer services than this are never held, whatever the share (small sources). */
        @WithDefault("5")
        int reviewMinChanges();

        /** Answers of 404 or 410 on this many runs in a row withdraw a record. */
        @WithDefault("2")
        int withdrawAfterGone();

        /** Listing pages read at most per run (a guard against endless pagination). */
        @WithDefault("1000")
        int maxListPages();

        /** Complete gathers a record must be missing from before it is withdrawn. */
        @WithDefault("2")
        int withdrawAfterMisses();

        /** A run still going after this is stopped and marked failed. */
        @WithDefault("2h")
        Duration runTimeout();

        /**
         * Runs of different sources this instance harvests at once; more due at once wait for a thread (alive, with
         * their heartbeat). Each run fetches one page at a time from its site.
         */
        @WithDefault("2")
        int concurrentRuns();

        /**
         * A record (fetch, extract, map) not done after this is abandoned as an error of its run, which goes on (per
         * source: {@code onewindow.sources.<id>.record-timeout}). A run that shows no progress for this long stops
         * sending heartbeats, so it is closed as abandoned.
         */
        @WithDefault("5m")
        Duration recordTimeout();

        /** A running run whose harvester has sent no heartbeat for this long is closed as abandoned. */
        @WithDefault("60s")
        Duration abandonAfter();

        /** How often queued changes are drained to Elasticsearch between runs (e.g. after it was down). */
        @WithDefault("10s")
        Duration publishInterval();

        /** Documents per Elasticsearch bulk request. */
        @WithDefault("500")
        int publishBatchSize();

        /** Redirects followed at most per fetch. */
        @WithDefault("5")
        int maxRedirects();

        /**
         * Fetch from loopback and private addresses for every source. Off in production (server-side request forgery);
         * allow single sources instead ({@code onewindow.sources.<id>.allow-private-networks}).
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** Records a dry-run reads at most. */
        @WithDefault("50")
        int dryRunMaxRecords();

        /** Register each source's cron schedule with Quartz at start-up. */
        @WithDefault("true")
        boolean schedulesEnabled();
    }

    interface Push {
        /** Pages an agency may ping per minute (a token bucket holding a minute's pages); more is answered 429. */
        @WithDefault("120")
        int pagesPerMinute();

        /** URLs one ping may name. */
        @WithDefault("100")
        int maxUrls();
    }

    interface Signals {
        /**
         * How long the oldest change may wait in the outbox before publishing counts as lagging: the wellness check
         * turns DOWN, a webhook is sent and the alert rule fires.
         */
        @WithDefault("10m")
        Duration publishLagThreshold();

        /** How often the catalogue's state (publish lag, held runs, dead letters, red sources) is read again. */
        @WithDefault("15s")
        Duration stateRefresh();

        /** Where notifications are POSTed (a held run, a source turning red, publishing lagging); none when unset. */
        Optional<String> webhookUrl();

        /** The key notifications are signed with (HMAC-SHA256): required with a webhook URL, at least 32 characters. */
        Optional<String> webhookSecret();

        /** Attempts to deliver one notification, with exponential backoff from webhook-retry-after up to an hour. */
        @WithDefault("8")
        int webhookAttempts();

        /** The wait before a failed delivery's second attempt; it doubles with each attempt after that. */
        @WithDefault("30s")
        Duration webhookRetryAfter();

        /** How often sources' health and the publish lag are checked for a change worth a notification. */
        @WithDefault("30s")
        Duration watchInterval();
    }

    interface DryRun {
        /**
         * Let dry-runs of posted mapping files fetch from loopback and private addresses. A dry-run never takes the
         * permission, base URL or secrets of the source id its file declares; the local stack and tests set this.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();
    }

    interface SourceOverride {
        /** Another origin for the source (a mirror, the local demo site, a test double). */
        Optional<String> baseUrl();

        /** Another politeness delay between two requests, e.g. 0 for a site on loopback. */
        Optional<Long> delayMillis();

        /**
         * Let this source fetch from loopback and private addresses (an agency's intranet mirror, the local demo
         * sites); every other source stays refused there.
         */
        Optional<Boolean> allowPrivateNetworks();

        /** Another Quartz cron schedule than the mapping file's. */
        Optional<String> schedule();

        /** Another mass-change review threshold (share of the source's services, 0–1). */
        Optional<Double> reviewThreshold();

        /**
         * The {@code ONEWINDOW_SECRET_*} environment variables this source may read (e.g. its API key), comma-separated.
         * A secret is sent only to the host of the source's base URL, over https unless the source is allowed private
         * networks; no other source, and no dry-run of another base URL, can use it.
         */
        Optional<List<String>> secrets();

        /** Another per-record deadline than {@code onewindow.harvest.record-timeout}. */
        Optional<Duration> recordTimeout();
    }
}
