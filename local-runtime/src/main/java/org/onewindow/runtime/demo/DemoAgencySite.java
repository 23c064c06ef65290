package org.onewindow.runtime.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * The 보건복지부 demo site alone ({@link MohwWelfareAgency} on its own server), for tests that harvest one
 * eGovFrame board and inject faults through {@link #server()}. The local stack starts every agency through
 * {@link DemoAgencyWeb}.
 */
public final class DemoAgencySite implements AutoCloseable {

    public static final String AGENCY_NAME = MohwWelfareAgency.AGENCY_NAME;

    private final DemoAgencyWeb.Site site;
    private final MohwWelfareAgency agency;

    private DemoAgencySite(DemoAgencyWeb.Site site, MohwWelfareAgency agency) {
        this.site = site;
        this.agency = agency;
    }

    /** @param port 0 for a free port */
    public static DemoAgencySite start(int port) {
        MohwWelfareAgency agency = new MohwWelfareAgency();
        return new DemoAgencySite(DemoAgencyWeb.Site.start(agency, port), agency);
    }

    /** The demo ministry's services, as the site lists them. */
    public static List<DemoService> services() {
        return DemoService.load("mohw");
    }

    public String baseUrl() {
        return site.baseUrl();
    }

    public int port() {
        return site.port();
    }

    public int serviceCount() {
        return agency.serviceCount();
    }

    /** The underlying WireMock server, for tests that inject faults at the HTTP level. */
    public WireMockServer server() {
        return site.server();
    }

    /** Takes a service off the listing, as an agency does when it ends one (its page stays reachable). */
    public void hide(String serviceId) {
        agency.hide(serviceId);
    }

    /** Changes a service's page: the agency renamed the service. */
    public void rename(String serviceId, String newName) {
        agency.rename(serviceId, newName);
    }

    /** Lists every service again. */
    public void showAll() {
        agency.showAll();
    }

    @Override
    public void close() {
        site.close();
    }
}
