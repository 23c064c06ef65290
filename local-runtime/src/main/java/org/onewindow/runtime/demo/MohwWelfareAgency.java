package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * 보건복지부's eGovFrame board ({@code mohw-welfare}): pages in EUC-KR (MS949), paginated by a POSTed
 * {@code pageIndex}, {@code fn_view('…')} links, label/value tables (see {@link EgovPages}).
 */
public final class MohwWelfareAgency extends SiteOfAgency {

    public static final String SOURCE_ID = "mohw-welfare";
    public static final String AGENCY_NAME = "보건복지부";
    private static final Charset MS949 = Charset.forName("x-windows-949");
    private static final String LIST_PATH_PATTERN = "/portal/svc/list\\.do(;jsessionid=[^?]*)?";

    public MohwWelfareAgency() {
        super(SOURCE_ID, AGENCY_NAME, "mohw", EgovPages.LIST_PATH);
    }

    /** A site of the same kind and agency publishing {@code services}, harvested by source {@code sourceId} (benchmarks). */
    public MohwWelfareAgency(String sourceId, List<DemoService> services) {
        super(sourceId, AGENCY_NAME, services, EgovPages.LIST_PATH);
    }

    private final Set<String> hidden = new CopyOnWriteArraySet<>();
    private final EgovPages pages = new EgovPages(AGENCY_NAME);
    private volatile WireMockServer server;

    @Override
    public void stub(WireMockServer server) {
        this.server = server;
        stubListPages();
        stubRecordPages();
        Robots.stub(server);
    }

    /** Takes a service off the listing, as an agency does when it ends one (its page stays reachable). */
    void hide(String serviceId) {
        hidden.add(serviceId);
        stubListPages();
    }

    /** Publishes a new version of a service's page: the agency renamed it. */
    void rename(String serviceId, String newName) {
        for (int i = 0; i < services().size(); i++) {
            DemoService service = services().get(i);
            if (service.id().equals(serviceId)) {
                serve(
                        get(urlPathEqualTo(EgovPages.VIEW_PATH))
                                .withQueryParam("svcId", equalTo(service.id()))
                                .atPriority(1),
                        pages.detailPage(service, i)
                                .replace(service.name(), newName)
                                .getBytes(MS949),
                        false);
                return;
            }
        }
        throw new IllegalArgumentException("no service " + serviceId);
    }

    /** Lists every service again. */
    void showAll() {
        hidden.clear();
        stubListPages();
    }

    /** The bytes a list page request gets (pages are numbered from 1), for benchmarks that read pages without a server. */
    public byte[] listPage(int pageIndex) {
        return pages.listPage(services(), pageIndex).getBytes(MS949);
    }

    /** The bytes a service's page request gets (its charset only in its meta tag), as {@link #listPage} does. */
    public byte[] recordPage(String serviceId) {
        for (int i = 0; i < services().size(); i++) {
            if (services().get(i).id().equals(serviceId)) {
                return pages.detailPage(services().get(i), i).getBytes(MS949);
            }
        }
        return pages.noSuchRecordPage().getBytes(MS949);
    }

    private void stubListPages() {
        List<DemoService> listed =
                services().stream().filter(s -> !hidden.contains(s.id())).toList();
        int pageCount = EgovPages.pageCount(listed.size());
        for (int page = 1; page <= pageCount + 1; page++) {
            byte[] body = pages.listPage(listed, page).getBytes(MS949);
            String index = Integer.toString(page);
            serve(
                    post(urlPathMatching(LIST_PATH_PATTERN))
                            .withFormParam("pageIndex", equalTo(index))
                            .atPriority(1),
                    body,
                    true);
            serve(
                    get(urlPathMatching(LIST_PATH_PATTERN))
                            .withQueryParam("pageIndex", equalTo(index))
                            .atPriority(1),
                    body,
                    true);
        }
        byte[] first = pages.listPage(listed, 1).getBytes(MS949);
        serve(
                any(urlPathMatching(LIST_PATH_PATTERN))
                        .withQueryParam("pageIndex", absent())
                        .atPriority(5),
                first,
                true);
    }

    private void stubRecordPages() {
        for (int i = 0; i < services().size(); i++) {
            DemoService service = services().get(i);
            serve(
                    get(urlPathEqualTo(EgovPages.VIEW_PATH))
                            .withQueryParam("svcId", equalTo(service.id()))
                            .atPriority(1),
                    pages.detailPage(service, i).getBytes(MS949),
                    false);
        }
        serve(
                get(urlPathEqualTo(EgovPages.VIEW_PATH)).atPriority(9),
                pages.noSuchRecordPage().getBytes(MS949),
                false);
    }

    /** List pages declare the charset in the header; record pages only in their meta tag, as many real ones do. */
    private void serve(MappingBuilder request, byte[] body, boolean charsetInHeader) {
        server.stubFor(request.willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", charsetInHeader ? "text/html;charset=EUC-KR" : "text/html")
                .withBody(body)));
    }
}
