package org.onewindow.harvester.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.jboss.logging.Logger;
import org.onewindow.mappings.index.ServiceIndex;

/** Makes sure the versioned services index exists behind its alias, with our analyzers and mappings. */
@ApplicationScoped
public class CatalogueIndex {

    private static final Logger LOG = Logger.getLogger(CatalogueIndex.class);

    @Inject
    RestClient elasticsearch;

    @Inject
    ObjectMapper json;

    /** The index last seen behind the alias, so the usual check is one cheap request. */
    private volatile String current;

    /**
     * Makes the alias point at the current index version, creating it when needed: a new mapping version gets a
     * new index, swapped in behind the alias; the older index is removed (PostgreSQL is the record of truth, and
     * the caller republishes from it).
     *
     * @return true when the alias now points at a newly created, empty index
     */
    public boolean ensureExists() throws IOException {
        String known = current;
        if (known != null && exists("/" + known + "/_alias/" + ServiceIndex.ALIAS)) {
            return false;
        }
        List<String> behind = indicesBehindAlias();
        if (behind.size() == 1 && isCurrentVersion(behind.get(0))) {
            current = behind.get(0);
            return false;
        }
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
        swapTo(ServiceIndex.INDEX);
        return true;
    }

    /** The mapping version's first index, or one rebuilt from it ({@code <index>-r<time>}). */
    static boolean isCurrentVersion(String name) {
        return name.equals(ServiceIndex.INDEX) || name.startsWith(ServiceIndex.INDEX + "-r");
    }

    /** Creates a new, empty index of the current mapping version, not yet behind the alias; returns its name. */
    public String createFresh() throws IOException {
        String name = ServiceIndex.INDEX + "-r" + System.currentTimeMillis();
        Request create = new Request("PUT", "/" + name);
        create.setJsonEntity(ServiceIndex.definitionJson());
        elasticsearch.performRequest(create);
        return name;
    }

    /** Moves the alias to {@code name} in one atomic step, then deletes the indices it left. */
    public void swapTo(String name) throws IOException {
        List<String> behind = indicesBehindAlias();
        StringBuilder actions = new StringBuilder("{\"actions\":[");
        for (String old : behind) {
            actions.append("{\"remove\":{\"index\":\"")
                    .append(old)
                    .append("\",\"alias\":\"")
                    .append(ServiceIndex.ALIAS)
                    .append("\"}},");
        }
        actions.append("{\"add\":{\"index\":\"")
                .append(name)
                .append("\",\"alias\":\"")
                .append(ServiceIndex.ALIAS)
                .append("\",\"is_write_index\":true}}]}");
        Request swap = new Request("POST", "/_aliases");
        swap.setJsonEntity(actions.toString());
        elasticsearch.performRequest(swap);
        for (String old : behind) {
            if (!old.equals(name)) {
                elasticsearch.performRequest(new Request("DELETE", "/" + old));
            }
        }
        LOG.infof("alias %s now points at %s (was %s)", ServiceIndex.ALIAS, name, behind);
        this.current = name;
    }

    /** The index (or indices, during a swap) the catalogue's alias points at now: the index generation served. */
    public List<String> behindAlias() throws IOException {
        return indicesBehindAlias();
    }

    private List<String> indicesBehindAlias() throws IOException {
        try {
            Response response = elasticsearch.performRequest(new Request("GET", "/_alias/" + ServiceIndex.ALIAS));
            List<String> names = new ArrayList<>();
            json.readTree(response.getEntity().getContent()).fieldNames().forEachRemaining(names::add);
            return names;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private boolean exists(String path) throws IOException {
        try {
            return elasticsearch
                            .performRequest(new Request("HEAD", path))
                            .getStatusLine()
                            .getStatusCode()
                    == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
