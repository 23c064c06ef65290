package org.onewindow.connectors.sitemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.Fixtures;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;

class SitemapConnectorTest {

    private static final String BASE = "https://news.seoul.go.kr";
    private final SitemapConnector connector = new SitemapConnector(
            BASE,
            new SitemapSettings(
                    "/sitemap/sitemap-index.xml",
                    "/welfare/archives/view\\.do\\?svcId=([A-Z0-9-]+)",
                    List.of("시스템 점검", "존재하지 않는"),
                    Map.of(
                            "title",
                            List.of("h2.tit", "title"),
                            "summary",
                            List.of("div.summary"),
                            "audience",
                            List.of("th:matchesOwn(^지원대상$) + td"),
                            "benefits",
                            List.of("th:matchesOwn(^지원내용$) + td"))));

    @Test
    void aPageTheRecordPatternSelectsIsARecordReadAlone() {
        String page = BASE + "/welfare/archives/view.do?svcId=SEOUL-001";

        assertThat(connector.recordAt(page)).contains(new RecordRef("SEOUL-001", PageRequest.get(page)));
        assertThat(connector.recordAt(BASE + "/notice/view.do?id=1")).isEmpty();
    }

    @Test
    void startsAtTheSitemapUnderTheBaseUrl() {
        assertThat(connector.firstPage()).isEqualTo(PageRequest.get(BASE + "/sitemap/sitemap-index.xml"));
    }

    @Test
    void aSitemapIndexNamesItsChildSitemapsAsFurtherListingPages() throws IOException {
        GatherResult result =
                connector.gather(page(BASE + "/sitemap/sitemap-index.xml", "text/xml", "sitemap-index.xml"));

        assertThat(result.records()).isEmpty();
        assertThat(result.alsoRead())
                .extracting(PageRequest::url)
                .containsExactly(BASE + "/sitemap/sitemap-welfare.xml.gz", BASE + "/sitemap/sitemap-notice.xml");
    }

    @Test
    void aGzippedSitemapYieldsOnlyRecordPagesWithIdsAndLastmod() throws IOException {
        GatherResult result = connector.gather(
                page(BASE + "/sitemap/sitemap-welfare.xml.gz", "application/gzip", "sitemap-welfare.xml.gz"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("SEOUL-2025-0101", "SEOUL-2025-0102", "SEOUL-2025-0103");
        assertThat(result.records().get(1).request().url())
                .as("session id stripped")
                .isEqualTo(BASE + "/welfare/archives/view.do?svcId=SEOUL-2025-0102");
        assertThat(result.records().get(0).listFields()).containsEntry("lastmod", List.of("2026-03-02"));
        assertThat(result.records().get(2).listFields()).doesNotContainKey("lastmod");
    }

    @Test
    void aSitemapWithoutRecordPagesYieldsNothing() throws IOException {
        assertThat(connector
                        .gather(page(BASE + "/sitemap/sitemap-notice.xml", "text/xml", "sitemap-notice.xml"))
                        .records())
                .isEmpty();
    }

    @Test
    void aTruncatedSitemapIsAClearGatherError() throws IOException {
        Fixtures.assertUnreadable(connector.gather(
                        page(BASE + "/sitemap/sitemap-welfare.xml", "text/xml", "sitemap-truncated.xml")))
                .contains("unreadable sitemap");
    }

    @Test
    void recordPagesAreReadBySelectorsWithTheSitemapLastmod() throws IOException {
        RecordRef ref = new RecordRef(
                "SEOUL-2025-0101",
                PageRequest.get(BASE + "/welfare/archives/view.do?svcId=SEOUL-2025-0101"),
                Map.of("lastmod", List.of("2026-03-02")));
        ExtractResult result = connector.extract(
                ref, page(ref.request().url(), "text/html; charset=utf-8", "view-SEOUL-2025-0101.html"));

        assertThat(result).isInstanceOfSatisfying(ExtractResult.Extracted.class, extracted -> {
            assertThat(extracted.record().values("title")).containsExactly("서울 청년수당");
            assertThat(extracted.record().values("audience"))
                    .containsExactly("서울시 거주 만 19~34세 미취업 청년\n최종학력 졸업 후 2년 이상 경과자");
            assertThat(extracted.record().values("lastmod")).containsExactly("2026-03-02");
        });
    }

    @Test
    void aMaintenanceNoticeIsNotContent() throws IOException {
        RecordRef ref = new RecordRef(
                "SEOUL-2025-0103", PageRequest.get(BASE + "/welfare/archives/view.do?svcId=SEOUL-2025-0103"));
        assertThat(connector.extract(ref, page(ref.request().url(), "text/html", "view-maintenance.html")))
                .isInstanceOfSatisfying(
                        ExtractResult.NotAContentPage.class,
                        r -> assertThat(r.reason()).contains("시스템 점검"));
    }

    @Test
    void anInvalidRecordUrlPatternFailsAtCreation() {
        assertThatThrownBy(() -> new SitemapConnector(
                        BASE,
                        new SitemapSettings(
                                "/sitemap.xml", "view.do?svcId=(", List.of(), Map.of("title", List.of("h2")))))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("recordUrlPattern");
    }

    private static FetchedPage page(String url, String contentType, String fixture) throws IOException {
        try (InputStream in = SitemapConnectorTest.class.getResourceAsStream("/fixtures/seoul-sitemap/" + fixture)) {
            return new FetchedPage(PageRequest.get(url), url, 200, contentType, in.readAllBytes());
        }
    }
}
