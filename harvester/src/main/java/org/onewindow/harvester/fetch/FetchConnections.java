package org.onewindow.harvester.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.onewindow.harvester.config.HarvesterConfig;

/** The fetch route's two connection pools, by permission level ({@link GuardedConnections}). */
@ApplicationScoped
public class FetchConnections {

    static final String PUBLIC = "publicFetchConnections";
    static final String PRIVATE = "privateFetchConnections";

    @Produces
    @Singleton
    @Named(PUBLIC)
    HttpClientConnectionManager publicOnly(HarvesterConfig config) {
        return GuardedConnections.pool(
                false, HostResolver.SYSTEM, config.harvest().fetchTimeout());
    }

    @Produces
    @Singleton
    @Named(PRIVATE)
    HttpClientConnectionManager privateAllowed(HarvesterConfig config) {
        return GuardedConnections.pool(
                true, HostResolver.SYSTEM, config.harvest().fetchTimeout());
    }

    void closePublic(@Disposes @Named(PUBLIC) HttpClientConnectionManager pool) {
        pool.close(CloseMode.IMMEDIATE);
    }

    void closePrivate(@Disposes @Named(PRIVATE) HttpClientConnectionManager pool) {
        pool.close(CloseMode.IMMEDIATE);
    }
}
