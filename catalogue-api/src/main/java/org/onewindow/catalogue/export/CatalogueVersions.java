package org.onewindow.catalogue.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import org.onewindow.catalogue.changes.ChangeFeed;
import org.onewindow.catalogue.config.ApiConfig;
import org.onewindow.catalogue.search.ServiceSearch;

/**
 * The catalogue's current version, from two cheap reads: the change feed's highest position (PostgreSQL) and the
 * visible state of the index behind the alias (Elasticsearch). The index's part is needed besides the feed: the
 * harvester publishes a change to Elasticsearch after it got its feed position, so the feed alone can move before
 * the searchable catalogue does, or not move again when it does.
 */
@ApplicationScoped
public class CatalogueVersions {

    @Inject
    ChangeFeed changes;

    @Inject
    ServiceSearch search;

    @Inject
    ApiConfig config;

    public CatalogueVersion current() throws IOException, SQLException {
        return new CatalogueVersion(changes.highestPosition(), search.visibleIndex(), config.publicBaseUrl());
    }
}
