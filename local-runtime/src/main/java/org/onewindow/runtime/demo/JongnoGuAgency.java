package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * 서울특별시 종로구's site ({@code jongno-gu-feed}): an RSS 2.0 feed of its services at {@value #FEED_PATH}, newest
 * change first, in EUC-KR (declared in the XML declaration only, as a 구청 CMS writes it). Each item has a title,
 * a link to the service's board article (served too, EUC-KR HTML), a one-line description, the details as HTML in
 * {@code content:encoded} ("지원대상: …" lines; rows the service lacks are left out), pubDate in RFC 822, the
 * service field as category and a guid.
 */
public final class JongnoGuAgency extends SiteOfAgency {

    public static final String SOURCE_ID = "jongno-gu-feed";
    public static final String AGENCY_NAME = "서울특별시 종로구";
    public static final String FEED_PATH = "/rss/service.xml";
    static final String ARTICLE_PATH = "/portal/bbs/selectBoardArticle.do";
    static final String BBS_ID = "BBSMSTR_000000000271";
    private static final Charset EUC_KR = Charset.forName("x-windows-949");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    public JongnoGuAgency() {
        super(SOURCE_ID, AGENCY_NAME, "jongno-gu", FEED_PATH);
    }

    /** A site of the same kind and agency publishing {@code services}, harvested by source {@code sourceId} (benchmarks). */
    public JongnoGuAgency(String sourceId, List<DemoService> services) {
        super(sourceId, AGENCY_NAME, services, FEED_PATH);
    }

    @Override
    public void stub(WireMockServer server) {
        String origin = "http://127.0.0.1:" + server.port();
        server.stubFor(get(urlPathEqualTo(FEED_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(feed(origin).getBytes(EUC_KR))));
        for (DemoService service : services()) {
            server.stubFor(get(urlPathMatching(ARTICLE_PATH.replace(".", "\\.") + "(;jsessionid=[^?]*)?"))
                    .withQueryParam("nttId", equalTo(nttId(service)))
                    .atPriority(1)
                    .willReturn(html(articlePage(service))));
        }
        server.stubFor(get(urlPathMatching(ARTICLE_PATH.replace(".", "\\.") + ".*"))
                .atPriority(9)
                .willReturn(html(page(
                        "알림",
                        "<script type=\"text/javascript\">alert(\"해당 게시물이 존재하지 않습니다.\");history.back();</script>"))));
        Robots.stub(server);
    }

    private static ResponseDefinitionBuilder html(String page) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html; charset=EUC-KR")
                .withBody(page.getBytes(EUC_KR));
    }

    /** The board article number of a service: the digits of its id ({@code JN016913} → {@code 16913}). */
    static String nttId(DemoService service) {
        return Long.toString(Long.parseLong(service.id().replaceAll("\\D", "")));
    }

    static String articleUrl(String origin, DemoService service) {
        return origin + ARTICLE_PATH + "?bbsId=" + BBS_ID + "&nttId=" + nttId(service) + "&menuNo=1756";
    }

    String feed(String origin) {
        List<DemoService> newestFirst = services().stream()
                .sorted(Comparator.comparing(DemoService::updatedAt).reversed().thenComparing(DemoService::id))
                .toList();
        StringBuilder xml = new StringBuilder(
                """
                <?xml version="1.0" encoding="EUC-KR"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel>
                <title>종로구청 - 분야별 서비스 안내</title>
                <link>%1$s/portal/main.do</link>
                <description>서울특별시 종로구 구민 서비스(복지·건강·생활·민원) 안내</description>
                <language>ko</language>
                <copyright>Copyright (c) Jongno-gu Office. 공공누리 제1유형</copyright>
                <lastBuildDate>%2$s</lastBuildDate>
                <atom:link href="%1$s%3$s" rel="self" type="application/rss+xml"/>
                """.formatted(origin, rfc822(newestFirst.get(0).updatedAt(), 9, 0), FEED_PATH));
        for (DemoService s : newestFirst) {
            xml.append("<item>\n")
                    .append("<title>")
                    .append(xmlEscape(s.name()))
                    .append("</title>\n")
                    .append("<link>")
                    .append(xmlEscape(articleUrl(origin, s)))
                    .append("</link>\n")
                    .append("<description>")
                    .append(xmlEscape(s.summary()))
                    .append("</description>\n")
                    .append("<content:encoded><![CDATA[")
                    .append(details(s))
                    .append("]]></content:encoded>\n")
                    .append("<category>")
                    .append(xmlEscape(s.category()))
                    .append("</category>\n")
                    .append("<author>")
                    .append(xmlEscape(s.department()))
                    .append("</author>\n")
                    .append("<guid isPermaLink=\"false\">")
                    .append(s.id())
                    .append("</guid>\n")
                    .append("<pubDate>")
                    .append(rfc822(s.updatedAt(), 9, 30))
                    .append("</pubDate>\n")
                    .append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    /** The details as one label per line; multi-line values are joined on the line. */
    static String details(DemoService s) {
        StringBuilder html =
                new StringBuilder("<p>").append(EgovPages.escape(s.purpose())).append("</p>\n<ul>\n");
        line(html, "서비스분야", s.category());
        line(html, "지원유형", s.supportType());
        line(html, "지원대상", s.audience());
        if (s.hasCriteria()) {
            line(html, "선정기준", s.criteria());
        }
        line(html, "지원내용", s.benefits());
        line(html, "신청방법", s.howToApply());
        line(html, "신청기간", s.deadline());
        if (s.hasDocuments()) {
            line(html, "구비서류", String.join(", ", s.documents()));
        }
        line(html, "담당부서", s.department());
        line(html, "문의", s.contact());
        if (s.onlineUrl() != null) {
            html.append("<li>온라인 신청: <a href=\"")
                    .append(EgovPages.escape(s.onlineUrl()))
                    .append("\">")
                    .append(EgovPages.escape(s.onlineUrl()))
                    .append("</a></li>\n");
        }
        return html.append("</ul>").toString();
    }

    private static void line(StringBuilder html, String label, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<li>")
                    .append(label)
                    .append(": ")
                    .append(EgovPages.escape(String.join(
                            " / ",
                            value.lines()
                                    .map(String::strip)
                                    .filter(l -> !l.isEmpty())
                                    .toList())))
                    .append("</li>\n");
        }
    }

    private String articlePage(DemoService s) {
        StringBuilder body = new StringBuilder(
                        "<div id=\"contents\">\n<div class=\"location\">홈 &gt; 분야별정보 &gt; 서비스 안내</div>\n")
                .append("<table class=\"board_view\" summary=\"게시물 상세\">\n<caption>서비스 안내 상세</caption>\n")
                .append("<thead><tr><th colspan=\"4\" class=\"subject\">")
                .append(EgovPages.escape(s.name()))
                .append("</th></tr>\n")
                .append("<tr><th>담당부서</th><td>")
                .append(EgovPages.escape(s.department()))
                .append("</td><th>등록일</th><td>")
                .append(s.updatedAt())
                .append("</td></tr></thead>\n")
                .append("<tbody><tr><td colspan=\"4\" class=\"content\">\n<p class=\"summary\">")
                .append(EgovPages.escape(s.summary()))
                .append("</p>\n")
                .append(details(s))
                .append(
                        "\n</td></tr></tbody>\n</table>\n<div class=\"btn_area\"><a href=\"/portal/bbs/selectBoardList.do?bbsId=")
                .append(BBS_ID)
                .append("&amp;menuNo=1756\" class=\"btn\">목록</a></div>\n</div>\n");
        return page(s.name() + " | 종로구청", body.toString());
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="ko">
                <head>
                <meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
                <title>%s</title>
                </head>
                <body>
                <div id="header"><h1><a href="/portal/main.do">종로구청</a></h1></div>
                %s
                <div id="footer"><address>(03153) 서울특별시 종로구 삼봉로 43 종로구청 | 대표전화 02-2148-1114</address></div>
                </body>
                </html>
                """.formatted(EgovPages.escape(title), body);
    }

    private static String rfc822(String date, int hour, int minute) {
        return ZonedDateTime.of(LocalDate.parse(date), LocalTime.of(hour, minute), SEOUL)
                .format(RFC_822);
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
