package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * The demo agency site: one ministry's service pages served over HTTP on loopback, in EUC-KR (MS949), paginated
 * by a POSTed {@code pageIndex}, as an eGovFrame site serves them. WireMock plays the site, which is its job.
 */
public final class DemoAgencySite implements AutoCloseable {

    public static final String AGENCY_NAME = "보건복지부";
    private static final Charset MS949 = Charset.forName("x-windows-949");
    private static final String LIST_PATH_PATTERN = "/portal/svc/list\\.do(;jsessionid=[^?]*)?";

    private final WireMockServer server;
    private final List<DemoService> services;
    private final java.util.Set<String> hidden = new java.util.concurrent.CopyOnWriteArraySet<>();

    private DemoAgencySite(WireMockServer server, List<DemoService> services) {
        this.server = server;
        this.services = services;
    }

    /** @param port 0 for a free port */
    public static DemoAgencySite start(int port) {
        List<DemoService> services = services();
        WireMockServer server = new WireMockServer(options().port(port).bindAddress("127.0.0.1")
                .disableRequestJournal().containerThreads(16));
        server.start();
        DemoAgencySite site = new DemoAgencySite(server, services);
        site.stubPages();
        return site;
    }

    /** The demo ministry's services, as the site lists them. */
    public static List<DemoService> services() {
        try (InputStream in = DemoAgencySite.class.getResourceAsStream("/demo-sites/mohw/services.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<DemoService>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo services", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public int serviceCount() {
        return services.size();
    }

    /** The underlying WireMock server, for tests that inject faults at the HTTP level. */
    public WireMockServer server() {
        return server;
    }

    /** Takes a service off the listing, as an agency does when it ends one (its page stays reachable). */
    public void hide(String serviceId) {
        hidden.add(serviceId);
        stubListPages(new EgovPages(AGENCY_NAME));
    }

    /** Lists every service again. */
    public void showAll() {
        hidden.clear();
        stubListPages(new EgovPages(AGENCY_NAME));
    }

    private void stubPages() {
        EgovPages pages = new EgovPages(AGENCY_NAME);
        stubListPages(pages);
        stubRecordPages(pages);
    }

    private void stubListPages(EgovPages pages) {
        List<DemoService> listed = services.stream().filter(s -> !hidden.contains(s.id())).toList();
        int pageCount = EgovPages.pageCount(listed.size());
        for (int page = 1; page <= pageCount + 1; page++) {
            byte[] body = pages.listPage(listed, page).getBytes(MS949);
            String index = Integer.toString(page);
            serve(post(urlPathMatching(LIST_PATH_PATTERN)).withFormParam("pageIndex", equalTo(index)).atPriority(1), body, true);
            serve(get(urlPathMatching(LIST_PATH_PATTERN)).withQueryParam("pageIndex", equalTo(index)).atPriority(1), body, true);
        }
        byte[] first = pages.listPage(listed, 1).getBytes(MS949);
        serve(any(urlPathMatching(LIST_PATH_PATTERN)).withQueryParam("pageIndex", absent()).atPriority(5), first, true);
    }

    private void stubRecordPages(EgovPages pages) {

        for (int i = 0; i < services.size(); i++) {
            DemoService service = services.get(i);
            serve(get(urlPathEqualTo(EgovPages.VIEW_PATH)).withQueryParam("svcId", equalTo(service.id())).atPriority(1),
                    pages.detailPage(service, i).getBytes(MS949), false);
        }
        serve(get(urlPathEqualTo(EgovPages.VIEW_PATH)).atPriority(9), pages.noSuchRecordPage().getBytes(MS949), false);
        server.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nAllow: /\n")));
    }

    /** List pages declare the charset in the header; record pages only in their meta tag, as many real ones do. */
    private void serve(MappingBuilder request, byte[] body, boolean charsetInHeader) {
        server.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", charsetInHeader ? "text/html;charset=EUC-KR" : "text/html")
                .withBody(body)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
