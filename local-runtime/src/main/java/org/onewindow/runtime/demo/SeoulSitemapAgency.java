package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * 서울특별시's welfare portal ({@code seoul-sitemap}): no usable listing, but a sitemap index at {@code /sitemap.xml}
 * naming a gzipped sitemap of service pages (with {@code lastmod}) and a sitemap of notices that are not services.
 * Service pages are UTF-8 HTML from a shared template, with exceptions: every seventh uses an older
 * {@code <dl>} template with other labels, and some lack the criteria or documents row.
 */
public final class SeoulSitemapAgency extends SiteOfAgency {

    public static final String SOURCE_ID = "seoul-sitemap";
    public static final String AGENCY_NAME = "서울특별시";
    static final String VIEW_PATH = "/welfare/archives/view.do";

    public SeoulSitemapAgency() {
        super(SOURCE_ID, AGENCY_NAME, "seoul", "/sitemap.xml");
    }

    @Override
    public void stub(WireMockServer server) {
        String origin = "http://127.0.0.1:" + server.port();
        server.stubFor(get(urlPathEqualTo("/sitemap.xml"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/xml; charset=UTF-8")
                        .withBody(sitemapIndex(origin))));
        server.stubFor(get(urlPathEqualTo("/sitemap/sitemap-welfare.xml.gz"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/gzip")
                        .withBody(gzip(serviceSitemap(origin)))));
        server.stubFor(get(urlPathEqualTo("/sitemap/sitemap-notice.xml"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/xml; charset=UTF-8")
                        .withBody(noticeSitemap(origin))));
        for (int i = 0; i < services().size(); i++) {
            DemoService service = services().get(i);
            server.stubFor(get(urlPathMatching(VIEW_PATH.replace(".", "\\.") + "(;jsessionid=[^?]*)?"))
                    .withQueryParam("svcId", equalTo(service.id()))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/html; charset=UTF-8")
                            .withBody(i % 7 == 6 ? olderTemplate(service) : page(service))));
        }
        server.stubFor(
                get(urlPathMatching(VIEW_PATH.replace(".", "\\.") + ".*"))
                        .atPriority(9)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/html; charset=UTF-8")
                                        .withBody(
                                                "<html><body><script>alert('존재하지 않는 게시물입니다.');history.back();</script></body></html>")));
        Robots.stub(server);
    }

    private static String sitemapIndex(String origin) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/sitemap/sitemap-welfare.xml.gz</loc><lastmod>2026-11-20</lastmod></sitemap>
                  <sitemap><loc>%1$s/sitemap/sitemap-notice.xml</loc><lastmod>2026-11-25</lastmod></sitemap>
                </sitemapindex>
                """.formatted(origin);
    }

    private String serviceSitemap(String origin) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < services().size(); i++) {
            DemoService service = services().get(i);
            String session = i % 5 == 0 ? ";jsessionid=5E2A9C1D7B3F" : "";
            xml.append("  <url><loc>")
                    .append(origin)
                    .append(VIEW_PATH)
                    .append(session)
                    .append("?svcId=")
                    .append(service.id())
                    .append("</loc><lastmod>")
                    .append(service.updatedAt())
                    .append("</lastmod><changefreq>monthly</changefreq></url>\n");
        }
        xml.append("  <url><loc>").append(origin).append("/welfare/main.do</loc></url>\n</urlset>\n");
        return xml.toString();
    }

    private static String noticeSitemap(String origin) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/notice/view.do?nttId=9001</loc><lastmod>2026-11-25</lastmod></url>
                  <url><loc>%1$s/notice/view.do?nttId=9002</loc><lastmod>2026-11-26</lastmod></url>
                </urlset>
                """.formatted(origin);
    }

    private static String page(DemoService s) {
        StringBuilder rows = new StringBuilder();
        row(rows, "서비스분야", esc(s.category()));
        row(rows, "지원형태", esc(s.supportType()));
        row(rows, "사업목적", esc(s.purpose()));
        row(rows, "지원대상", lines(s.audience()));
        if (s.hasCriteria()) {
            row(rows, "선정기준", lines(s.criteria()));
        }
        row(rows, "지원내용", lines(s.benefits()));
        row(rows, "신청방법", lines(s.howToApply()));
        row(rows, "신청기간", esc(s.deadline()));
        if (s.hasDocuments()) {
            row(
                    rows,
                    "구비서류",
                    "<ul>"
                            + String.join(
                                    "",
                                    s.documents().stream()
                                            .map(d -> "<li>" + esc(d) + "</li>")
                                            .toList()) + "</ul>");
        }
        row(rows, "담당부서", esc(AGENCY_NAME + " " + s.department()));
        row(rows, "문의처", esc(s.contact()));
        if (s.onlineUrl() != null) {
            row(rows, "온라인신청", "<a href=\"" + esc(s.onlineUrl()) + "\" target=\"_blank\" title=\"새창\">바로가기</a>");
        }
        row(rows, "최종수정일", s.updatedAt());
        return """
                <!DOCTYPE html>
                <html lang="ko">
                <head><meta charset="UTF-8"><title>%1$s | 서울복지포털</title>
                <link rel="stylesheet" href="/resources/css/sub.css"></head>
                <body>
                <div id="skip"><a href="#container">본문 바로가기</a></div>
                <div id="container" class="sub-contents">
                  <h2 class="tit">%1$s</h2>%2$s
                  <div class="summary">%3$s</div>
                  <table class="tbl-view"><caption>서비스 상세정보</caption><tbody>
                %4$s  </tbody></table>
                </div>
                </body></html>
                """.formatted(
                        esc(s.name()),
                        s.nameEn() == null ? "" : "\n  <p class=\"tit-en\" lang=\"en\">" + esc(s.nameEn()) + "</p>",
                        esc(s.summary()),
                        rows);
    }

    /** An older page template still used by some sections: a definition list with other labels. */
    private static String olderTemplate(DemoService s) {
        return """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>%1$s</title></head>
                <body><div class="cont_area">
                <h3 class="subject">%1$s</h3>
                <dl class="info-box">
                <dt>분야</dt><dd>%2$s</dd>
                <dt>지원유형</dt><dd>%3$s</dd>
                <dt>목적</dt><dd>%4$s</dd>
                <dt>대상</dt><dd>%5$s</dd>
                <dt>내용</dt><dd>%6$s</dd>
                <dt>신청</dt><dd>%7$s</dd>
                <dt>담당</dt><dd>%8$s</dd>
                <dt>문의</dt><dd>%9$s</dd>
                <dt>수정일</dt><dd>%10$s</dd>
                </dl></div></body></html>
                """.formatted(
                        esc(s.name()),
                        esc(s.category()),
                        esc(s.supportType()),
                        esc(s.purpose()),
                        lines(s.audience()),
                        lines(s.benefits()),
                        lines(s.howToApply()),
                        esc(AGENCY_NAME + " " + s.department()),
                        esc(s.contact()),
                        s.updatedAt());
    }

    private static void row(StringBuilder rows, String label, String value) {
        rows.append("    <tr><th scope=\"row\">")
                .append(label)
                .append("</th><td>")
                .append(value)
                .append("</td></tr>\n");
    }

    private static String lines(String text) {
        return text == null
                ? ""
                : String.join("<br>", text.lines().map(SeoulSitemapAgency::esc).toList());
    }

    static String esc(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    private static byte[] gzip(String text) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
