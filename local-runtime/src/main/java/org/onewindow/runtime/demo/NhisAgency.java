package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 국민건강보험공단's site ({@code nhis-jsonld}): ordinary UTF-8 pages, a service list paged by {@code ?pageIndex=}
 * with plain links ({@code view.do;jsessionid=…?svcNo=…}), and service pages that describe the service for search
 * engines in schema.org JSON-LD ({@code GovernmentService}, next to a {@code BreadcrumbList}), with the English
 * name and summary language-tagged where the institution has them. A page for an unknown service is a 200 without
 * JSON-LD.
 */
public final class NhisAgency extends SiteOfAgency {

    public static final String SOURCE_ID = "nhis-jsonld";
    public static final String AGENCY_NAME = "국민건강보험공단";
    public static final String LIST_PATH = "/nhis/svc/list.do";
    public static final String VIEW_PATH = "/nhis/svc/view.do";
    static final int PAGE_SIZE = 10;
    private static final String SESSION = ";jsessionid=9D1E7C3B5A2F4E6D8C0B1A2F3E4D5C6B";
    private static final ObjectMapper JSON = new ObjectMapper();

    public NhisAgency() {
        super(SOURCE_ID, AGENCY_NAME, "nhis", LIST_PATH);
    }

    @Override
    public void stub(WireMockServer server) {
        String origin = "http://127.0.0.1:" + server.port();
        String list = quoted(LIST_PATH) + "(;jsessionid=[^?]*)?";
        String view = quoted(VIEW_PATH) + "(;jsessionid=[^?]*)?";
        int pages = pageCount();
        for (int page = 1; page <= pages + 1; page++) {
            server.stubFor(get(urlPathMatching(list))
                    .withQueryParam("pageIndex", equalTo(Integer.toString(page)))
                    .atPriority(1)
                    .willReturn(html(listPage(page))));
        }
        server.stubFor(get(urlPathMatching(list))
                .withQueryParam("pageIndex", absent())
                .atPriority(2)
                .willReturn(html(listPage(1))));
        server.stubFor(get(urlPathMatching(list)).atPriority(5).willReturn(html(listPage(pages + 1))));
        for (DemoService service : services()) {
            server.stubFor(get(urlPathMatching(view))
                    .withQueryParam("svcNo", equalTo(service.id()))
                    .atPriority(1)
                    .willReturn(html(servicePage(origin, service))));
        }
        server.stubFor(get(urlPathMatching(view))
                .atPriority(9)
                .willReturn(html(page(
                        "안내", null, "<div id=\"contents\"><p class=\"no_data\">요청하신 서비스 정보를 찾을 수 없습니다.</p></div>"))));
        Robots.stub(server);
    }

    private static String quoted(String path) {
        return path.replace(".", "\\.");
    }

    private static ResponseDefinitionBuilder html(String page) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8")
                .withBody(page.getBytes(StandardCharsets.UTF_8));
    }

    int pageCount() {
        return Math.max(1, (services().size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    String listPage(int pageIndex) {
        int pages = pageCount();
        int from = (pageIndex - 1) * PAGE_SIZE;
        List<DemoService> rows = from >= services().size()
                ? List.of()
                : services().subList(from, Math.min(services().size(), from + PAGE_SIZE));
        StringBuilder body = new StringBuilder("<div id=\"contents\">\n  <h2 class=\"tit\">건강보험 서비스 안내</h2>\n")
                .append("  <p class=\"total\">총 <strong>")
                .append(services().size())
                .append("</strong>건 [")
                .append(pageIndex)
                .append('/')
                .append(pages)
                .append("페이지]</p>\n  <ul class=\"svc_list\">\n");
        for (DemoService s : rows) {
            String href = VIEW_PATH + SESSION + "?svcNo=" + s.id() + "&amp;pageIndex=" + pageIndex;
            body.append("    <li><span class=\"cate\">")
                    .append(EgovPages.escape(s.category()))
                    .append("</span>\n")
                    .append("      <a class=\"subject\" href=\"")
                    .append(href)
                    .append("\">")
                    .append(EgovPages.escape(s.name()))
                    .append("</a>\n")
                    .append("      <span class=\"date\">")
                    .append(s.updatedAt().replace('-', '.'))
                    .append("</span>\n")
                    .append("      <a class=\"more\" href=\"")
                    .append(href)
                    .append("\" title=\"")
                    .append(EgovPages.escape(s.name()))
                    .append(" 자세히 보기\">자세히 보기</a></li>\n");
        }
        if (rows.isEmpty()) {
            body.append("    <li class=\"no_data\">등록된 서비스가 없습니다.</li>\n");
        }
        body.append("  </ul>\n  <div class=\"paging\">\n");
        if (pageIndex > 1) {
            body.append("    <a href=\"?pageIndex=")
                    .append(pageIndex - 1)
                    .append("\" class=\"prev\" title=\"이전 페이지\">이전</a>\n");
        }
        for (int page = 1; page <= pages; page++) {
            body.append(
                    page == pageIndex
                            ? "    <strong>" + page + "</strong>\n"
                            : "    <a href=\"?pageIndex=" + page + "\" title=\"" + page + "페이지\">" + page + "</a>\n");
        }
        if (pageIndex < pages) {
            body.append("    <a href=\"?pageIndex=")
                    .append(pageIndex + 1)
                    .append("\" class=\"next\" title=\"다음 페이지\">다음</a>\n");
        }
        body.append("  </div>\n</div>\n");
        String website =
                "{\"@context\":\"https://schema.org\",\"@type\":\"WebSite\",\"name\":\"국민건강보험공단\",\"url\":\"https://www.nhis.or.kr/\"}";
        return page("건강보험 서비스 안내", List.of(website), body.toString());
    }

    String servicePage(String origin, DemoService s) {
        String url = origin + VIEW_PATH + "?svcNo=" + s.id();
        StringBuilder body = new StringBuilder("<div id=\"contents\">\n  <div class=\"location\">홈 &gt; 서비스 안내 &gt; ")
                .append(EgovPages.escape(s.category()))
                .append("</div>\n  <h2 class=\"tit\">")
                .append(EgovPages.escape(s.name()))
                .append("</h2>\n  <div class=\"svc_view\">\n    <p class=\"summary\">")
                .append(EgovPages.escape(s.summary()))
                .append("</p>\n    <table class=\"tbl_view\">\n      <caption>")
                .append(EgovPages.escape(s.name()))
                .append(" 안내</caption>\n");
        row(body, "서비스 목적", s.purpose());
        row(body, "지원대상", s.audience());
        if (s.hasCriteria()) {
            row(body, "선정기준", s.criteria());
        }
        row(body, "지원내용", s.benefits());
        row(body, "신청방법", s.howToApply());
        row(body, "신청기간", s.deadline());
        if (s.hasDocuments()) {
            row(body, "구비서류", String.join("\n", s.documents()));
        }
        row(body, "담당부서", s.department());
        row(body, "문의", s.contact());
        body.append("    </table>\n");
        if (s.onlineUrl() != null) {
            body.append("    <p class=\"btn_area\"><a href=\"")
                    .append(EgovPages.escape(s.onlineUrl()))
                    .append("\" class=\"btn\" target=\"_blank\" title=\"새창\">온라인 신청</a></p>\n");
        }
        body.append("  </div>\n</div>\n");
        return page(
                s.name() + " | 서비스 안내 | 국민건강보험공단", List.of(breadcrumbs(origin, s), service(url, s)), body.toString());
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("      <tr><th scope=\"row\">")
                .append(label)
                .append("</th><td>")
                .append(String.join("<br>", value.lines().map(EgovPages::escape).toList()))
                .append("</td></tr>\n");
    }

    private String breadcrumbs(String origin, DemoService s) {
        ObjectNode list =
                JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "BreadcrumbList");
        ArrayNode items = list.putArray("itemListElement");
        items.addObject()
                .put("@type", "ListItem")
                .put("position", 1)
                .put("name", "홈")
                .put("item", origin + "/nhis/index.do");
        items.addObject()
                .put("@type", "ListItem")
                .put("position", 2)
                .put("name", "서비스 안내")
                .put("item", origin + LIST_PATH);
        items.addObject().put("@type", "ListItem").put("position", 3).put("name", s.name());
        return write(list);
    }

    /** The schema.org description of the service, what search engines (and harvesters) read. */
    private String service(String url, DemoService s) {
        ObjectNode service = JSON.createObjectNode()
                .put("@context", "https://schema.org")
                .put("@type", "GovernmentService")
                .put("@id", url + "#service");
        service.putObject("identifier")
                .put("@type", "PropertyValue")
                .put("propertyID", "svcNo")
                .put("value", s.id());
        tagged(service, "name", s.name(), s.nameEn());
        tagged(service, "description", s.summary(), s.summaryEn());
        service.put("disambiguatingDescription", s.purpose());
        service.put("serviceType", s.supportType());
        service.put("category", s.category());
        service.putObject("audience").put("@type", "Audience").put("audienceType", s.audience());
        service.putObject("provider")
                .put("@type", "GovernmentOrganization")
                .put("name", AGENCY_NAME)
                .put("url", "https://www.nhis.or.kr/");
        service.putObject("areaServed").put("@type", "Country").put("name", "대한민국");
        ObjectNode channel = service.putObject("availableChannel")
                .put("@type", "ServiceChannel")
                .put("name", s.onlineUrl() != null ? "온라인 신청" : "방문·전화 신청");
        if (s.onlineUrl() != null) {
            channel.put("serviceUrl", s.onlineUrl());
        }
        channel.putObject("servicePhone")
                .put("@type", "ContactPoint")
                .put("telephone", s.contact())
                .put("contactType", s.department());
        service.put("inLanguage", "ko");
        service.put("url", url);
        service.put("dateModified", s.updatedAt());
        return write(service);
    }

    private static void tagged(ObjectNode node, String property, String korean, String english) {
        if (english == null || english.isBlank()) {
            node.put(property, korean);
            return;
        }
        ArrayNode values = node.putArray(property);
        values.addObject().put("@value", korean).put("@language", "ko");
        values.addObject().put("@value", english).put("@language", "en");
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(node)
                    .replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String page(String title, List<String> jsonLd, String body) {
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(EgovPages.escape(title))
                .append("</title>\n<link rel=\"stylesheet\" href=\"/static/nhis/css/common.css\">\n");
        if (jsonLd != null) {
            jsonLd.forEach(block -> html.append("<script type=\"application/ld+json\">\n")
                    .append(block)
                    .append("\n</script>\n"));
        }
        return html.append("</head>\n<body>\n<div id=\"header\"><h1><a href=\"/nhis/index.do\">국민건강보험공단</a></h1>\n")
                .append("<ul class=\"gnb\"><li><a href=\"/nhis/policy/list.do\">정책센터</a></li><li><a href=\"")
                .append(LIST_PATH)
                .append("\">서비스 안내</a></li><li><a href=\"/nhis/minwon/main.do\">민원여기요</a></li></ul></div>\n")
                .append(body)
                .append(
                        "<div id=\"footer\"><address>(26464) 강원특별자치도 원주시 건강로 32(반곡동) 국민건강보험공단 | 고객센터 1577-1000</address></div>\n")
                .append("</body>\n</html>\n")
                .toString();
    }
}
