package org.onewindow.harvester.publish;

import java.io.IOException;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.jboss.logging.Logger;
import org.onewindow.mappings.index.ServiceIndex;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Makes sure the versioned services index exists behind its alias, with our analyzers and mappings. */
@ApplicationScoped
public class CatalogueIndex {

    private static final Logger LOG = Logger.getLogger(CatalogueIndex.class);

    @Inject
    RestClient elasticsearch;

    private volatile boolean ready;

    /** @return true when the index had to be created (it is empty: everything must be published again) */
    public boolean ensureExists() throws IOException {
        if (ready && exists("/_alias/" + ServiceIndex.ALIAS)) {
            return false;
        }
        boolean created = false;
        if (!exists("/_alias/" + ServiceIndex.ALIAS)) {
            created = true;
            if (!exists("/" + ServiceIndex.INDEX)) {
                Request create = new Request("PUT", "/" + ServiceIndex.INDEX);
                create.setJsonEntity(ServiceIndex.definitionJson());
                try {
                    elasticsearch.performRequest(create);
                    LOG.infof("created index %s", ServiceIndex.INDEX);
                } catch (ResponseException e) {
                    if (!e.getMessage().contains("resource_already_exists_exception")) {
                        throw e;
                    }
                }
            }
            Request alias = new Request("POST", "/_aliases");
            alias.setJsonEntity("{\"actions\":[{\"add\":{\"index\":\"" + ServiceIndex.INDEX + "\",\"alias\":\""
                    + ServiceIndex.ALIAS + "\",\"is_write_index\":true}}]}");
            elasticsearch.performRequest(alias);
        }
        ready = true;
        return created;
    }

    private boolean exists(String path) throws IOException {
        try {
            return elasticsearch.performRequest(new Request("HEAD", path)).getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
