package org.onewindow.harvester.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The harvester's own settings; every default is here, once. */
@ConfigMapping(prefix = "onewindow")
public interface HarvesterConfig {

    Operator operator();

    Harvest harvest();

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

        /** Largest page body read; bigger pages are an error. */
        @WithDefault("5242880")
        int maxBodyBytes();

        /** Listing pages read at most per run (a guard against endless pagination). */
        @WithDefault("1000")
        int maxListPages();

        /** Complete gathers a record must be missing from before it is withdrawn. */
        @WithDefault("2")
        int withdrawAfterMisses();

        /** A run still going after this is stopped and marked failed. */
        @WithDefault("2h")
        Duration runTimeout();

        /** Documents per Elasticsearch bulk request. */
        @WithDefault("500")
        int publishBatchSize();

        /** Redirects followed at most per fetch. */
        @WithDefault("5")
        int maxRedirects();

        /**
         * Fetch from loopback and private addresses too. Off in production (server-side request forgery); on for the
         * local stack and tests, whose agency sites run on loopback.
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

    interface SourceOverride {
        /** Another origin for the source (a mirror, the local demo site, a test double). */
        Optional<String> baseUrl();

        /** Another politeness delay between two requests, e.g. 0 for a site on loopback. */
        Optional<Long> delayMillis();
    }
}
