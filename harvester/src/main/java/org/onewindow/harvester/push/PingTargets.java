package org.onewindow.harvester.push;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.source.EffectiveSettings;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.AgencyGrant;
import org.onewindow.harvester.store.Source;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * Which source's record each pinged URL is. A URL belongs to the caller when it is the page of a record of one of the
 * sources it may act on, or when that source's connector reads it as a record page ({@link SourceConnector#recordAt})
 * on one of the source's hosts (its base URL's, and those an operator allowed its agency). A record whose source reads
 * its records from the listing (an API, a feed, a catalogue document) cannot be read alone: its source is nudged
 * instead (a whole run).
 */
@ApplicationScoped
public class PingTargets {

    @Inject
    SourceCatalog sources;

    /** What became of the URLs of one ping. */
    public record Resolved(
            Map<String, List<Page>> pagesBySource, Map<String, String> nudgedBecause, Map<String, String> ignored) {}

    /** A pinged URL, and the record its source reads from it. */
    public record Page(String url, RecordRef ref) {}

    private record Candidate(Source source, SourceConnector connector, Set<String> hosts) {}

    /**
     * A source's connector and base-URL host as built for the mapping and settings it held then: reading the mapping
     * and building the connector is most of a ping's work for an operator's key (every source), and both change only
     * with a new version of the source. Configuration and bound secrets do not change while the harvester runs.
     */
    private record Built(String definition, String settings, SourceConnector connector, String home) {
        boolean isFor(Source source) {
            return definition.equals(source.definition) && Objects.equals(settings, source.settings);
        }
    }

    private final Map<String, Built> built = new ConcurrentHashMap<>();

    /** @param mayActOn the sources the caller may act on */
    public Resolved resolve(List<String> urls, Predicate<Source> mayActOn) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Set<String>> grantedHosts = new LinkedHashMap<>();
        List<Source> enabled = QuarkusTransaction.requiringNew().call(() -> {
            AgencyGrant.<AgencyGrant>listAll()
                    .forEach(grant -> grantedHosts.put(grant.agencyCode, Set.copyOf(grant.hosts())));
            return Source.<Source>list("deletedAt is null and enabled = true order by id");
        });
        for (Source source : enabled) {
            if (mayActOn.test(source)) {
                candidate(source, grantedHosts.getOrDefault(source.agencyCode, Set.of()))
                        .ifPresent(candidates::add);
            }
        }
        built.keySet().retainAll(enabled.stream().map(source -> source.id).toList());
        Map<String, List<Page>> pages = new LinkedHashMap<>();
        Map<String, String> nudged = new LinkedHashMap<>();
        Map<String, String> ignored = new LinkedHashMap<>();
        Map<String, String> knownPages = knownPages(urls);
        for (String url : new LinkedHashSet<>(urls)) {
            String host = host(url);
            if (host == null) {
                ignored.put(url, "not an absolute http(s) URL");
                continue;
            }
            String knownSource = knownPages.get(url);
            boolean matched = false;
            for (Candidate candidate : candidates) { // every source that reads the page reads it again
                boolean known = candidate.source().id.equals(knownSource);
                if (!known && !candidate.hosts().contains(host)) {
                    continue;
                }
                Optional<RecordRef> ref = candidate.connector().recordAt(url);
                if (ref.isPresent()) {
                    pages.computeIfAbsent(candidate.source().id, id -> new ArrayList<>())
                            .add(new Page(url, ref.get()));
                    matched = true;
                } else if (known) {
                    nudged.put(
                            candidate.source().id,
                            "its records are read from its listing, not page by page: the whole source is harvested");
                    matched = true;
                }
            }
            if (!matched) {
                ignored.put(
                        url,
                        knownSource != null
                                ? "the page of a record of a source this key may not act on"
                                : "no source this key may act on reads this URL as a record page (on its hosts)");
            }
        }
        return new Resolved(pages, nudged, ignored);
    }

    /** The source of each URL that is a known record's page. */
    private static Map<String, String> knownPages(List<String> urls) {
        Map<String, String> known = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew()
                .run(() -> Source.getEntityManager()
                        .createQuery(
                                "select r.url, r.sourceId from CatalogueRecord r where r.url in :urls", Object[].class)
                        .setParameter("urls", new HashSet<>(urls))
                        .getResultList()
                        .forEach(row -> known.putIfAbsent((String) row[0], (String) row[1])));
        return known;
    }

    private Optional<Candidate> candidate(Source source, Set<String> granted) {
        Built current = built.get(source.id);
        if (current == null || !current.isFor(source)) {
            try {
                SourceDefinition definition = sources.definition(source);
                EffectiveSettings settings = sources.settings(source, definition);
                current = new Built(
                        source.definition,
                        source.settings,
                        sources.connector(definition, settings, sources.secrets(source.id, settings)),
                        host(settings.baseUrl()));
                built.put(source.id, current);
            } catch (RuntimeException e) { // a source whose configuration cannot work reads no ping either
                built.remove(source.id);
                return Optional.empty();
            }
        }
        Set<String> hosts = new HashSet<>(granted);
        if (current.home() != null) {
            hosts.add(current.home());
        }
        return Optional.of(new Candidate(source, current.connector(), hosts));
    }

    static String host(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return null;
            }
            return uri.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
