package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Every demo agency on its own WireMock server, as real agencies are separate hosts: one port each, on loopback.
 * Gives each source's base URL and closes them all.
 */
public final class DemoAgencyWeb implements AutoCloseable {

    /** One agency's site: the agency and the server that plays it. */
    public static final class Site implements AutoCloseable {

        private final DemoAgency agency;
        private final WireMockServer server;

        private Site(DemoAgency agency, WireMockServer server) {
            this.agency = agency;
            this.server = server;
        }

        /** @param port 0 for a free port */
        static Site start(DemoAgency agency, int port) {
            WireMockConfiguration options = options()
                    .port(port)
                    .bindAddress("127.0.0.1")
                    .disableRequestJournal()
                    .containerThreads(16);
            List<Extension> extensions = new ArrayList<>(agency.extensions());
            extensions.add(new ConditionalGet());
            options.extensions(extensions.toArray(Extension[]::new));
            WireMockServer server = new WireMockServer(options);
            server.start();
            try {
                agency.stub(server);
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
            return new Site(agency, server);
        }

        public DemoAgency agency() {
            return agency;
        }

        public WireMockServer server() {
            return server;
        }

        public int port() {
            return server.port();
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + server.port();
        }

        /** The page a person opens first (list page, feed, API list call). */
        public String entryUrl() {
            return baseUrl() + agency.entryPath();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    private final Map<String, Site> sites;

    private DemoAgencyWeb(Map<String, Site> sites) {
        this.sites = Collections.unmodifiableMap(sites);
    }

    /** Every demo agency ({@link DemoAgency#all()}) on a free port each. */
    public static DemoAgencyWeb start() {
        return start(DemoAgency.all(), i -> 0);
    }

    /**
     * @param agencies the agencies, with distinct source ids
     * @param port     the port of the agency at that position; 0 for a free one
     */
    public static DemoAgencyWeb start(List<DemoAgency> agencies, IntUnaryOperator port) {
        Map<String, Site> sites = new LinkedHashMap<>();
        try {
            for (int i = 0; i < agencies.size(); i++) {
                DemoAgency agency = agencies.get(i);
                if (sites.containsKey(agency.sourceId())) {
                    throw new IllegalArgumentException("two demo agencies for source " + agency.sourceId());
                }
                sites.put(agency.sourceId(), Site.start(agency, port.applyAsInt(i)));
            }
        } catch (RuntimeException e) {
            new DemoAgencyWeb(sites).close();
            throw e;
        }
        return new DemoAgencyWeb(sites);
    }

    /** The sites by source id, in start order. */
    public Map<String, Site> sites() {
        return sites;
    }

    public Site site(String sourceId) {
        Site site = sites.get(sourceId);
        if (site == null) {
            throw new IllegalArgumentException(
                    "no demo agency for source " + sourceId + " (known: " + sites.keySet() + ")");
        }
        return site;
    }

    /** Source id → the base URL its harvest should read instead of the mapping file's. */
    public Map<String, String> baseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        sites.forEach((id, site) -> urls.put(id, site.baseUrl()));
        return urls;
    }

    public String baseUrl(String sourceId) {
        return site(sourceId).baseUrl();
    }

    /** Every service the sites publish together. */
    public int serviceCount() {
        return sites.values().stream()
                .mapToInt(site -> site.agency().serviceCount())
                .sum();
    }

    /** What the harvester's environment needs to read every site (API keys). */
    public Map<String, String> harvesterEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        sites.values().forEach(site -> environment.putAll(site.agency().harvesterEnvironment()));
        return environment;
    }

    /** Stops every server, last started first. */
    @Override
    public void close() {
        List<Site> reversed = new ArrayList<>(sites.values());
        Collections.reverse(reversed);
        for (Site site : reversed) {
            try {
                site.close();
            } catch (RuntimeException e) {
                System.err.println(
                        "could not stop the demo site of " + site.agency().sourceId() + ": " + e.getMessage());
            }
        }
    }
}
