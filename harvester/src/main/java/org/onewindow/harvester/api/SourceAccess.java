package org.onewindow.harvester.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.onewindow.harvester.source.Editor;
import org.onewindow.harvester.store.AgencyGrant;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.Source;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * What the caller's key may do with a source: an operator anything; an agency only its own sources, only mapping files
 * of its own agency code, and only on the hosts an operator allowed it. Every refusal is a {@link Forbidden} (403)
 * thrown before anything changed.
 */
@ApplicationScoped
public class SourceAccess {

    @Inject
    CurrentCaller current;

    public Caller caller() {
        return current.get();
    }

    /** The caller as the editor of a source's mapping. */
    public Editor editor() {
        Caller caller = current.get();
        return new Editor(caller.label(), caller.operator() ? null : caller.agencyCode());
    }

    /** Whether the caller may see and act on sources of this agency. */
    public boolean mayActOn(Source source) {
        return current.get().actsFor(source.agencyCode);
    }

    /**
     * Refuses another agency's source; an unknown id passes (the operation answers its own 404).
     *
     * @throws Forbidden when the source exists (or existed) and belongs to another agency
     */
    public void requireOwn(String sourceId) {
        Caller caller = current.get();
        if (caller.operator()) {
            return;
        }
        Source source = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(sourceId));
        if (source != null && !caller.actsFor(source.agencyCode)) {
            throw new Forbidden("source " + sourceId + " belongs to agency " + source.agencyCode + "; this key acts"
                    + " for agency " + caller.agencyCode());
        }
    }

    /**
     * The run, when the caller may act on its source.
     *
     * @throws NotFoundException when no run has this id
     * @throws Forbidden when its source belongs to another agency
     */
    public HarvestRun ownRun(long runId) {
        HarvestRun run = QuarkusTransaction.requiringNew().call(() -> HarvestRun.<HarvestRun>findById(runId));
        if (run == null) {
            throw new NotFoundException("no run with id " + runId);
        }
        requireOwn(run.sourceId);
        return run;
    }

    /**
     * Refuses a mapping file an agency may not publish: another agency's code, a base URL on a host an operator did
     * not allow the agency, or the id of another agency's source.
     *
     * @throws Forbidden naming what would have to change
     */
    public void requireMayPublish(SourceDefinition definition) {
        Caller caller = current.get();
        if (caller.operator()) {
            return;
        }
        String code = definition.agency().code();
        if (!caller.agencyCode().equals(code)) {
            throw new Forbidden("the file's agency.code is " + code + "; this key acts for agency "
                    + caller.agencyCode() + " and publishes only as it");
        }
        requireOwn(definition.id());
        String host = host(definition.connector().baseUrl());
        List<String> allowed = QuarkusTransaction.requiringNew().call(() -> AgencyGrant.hostsOf(code));
        if (host == null || !allowed.contains(host)) {
            throw new Forbidden("the file's baseUrl host " + host + " is not one an operator allowed agency " + code
                    + " (allowed: " + (allowed.isEmpty() ? "none yet" : String.join(", ", allowed))
                    + "); an operator allows it with PUT /api/v1/agencies/" + code + "/hosts");
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
