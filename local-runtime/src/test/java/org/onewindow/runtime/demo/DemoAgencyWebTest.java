package org.onewindow.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.runtime.Ports;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every demo agency on its own port, read over real HTTP as a harvester reads it. */
class DemoAgencyWebTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset EUC_KR = Charset.forName("x-windows-949");
    private static DemoAgencyWeb web;

    @BeforeAll
    static void start() {
        web = DemoAgencyWeb.start();
    }

    @AfterAll
    static void stop() {
        List<Integer> ports =
                web.sites().values().stream().map(DemoAgencyWeb.Site::port).toList();
        web.close();
        assertThat(ports).noneMatch(Ports::isListening);
    }

    @Test
    void everyAgencyHasItsOwnHostAndSource() {
        assertThat(web.sites().keySet())
                .containsExactly(
                        "mohw-welfare", "gov24-api", "jongno-gu-feed", "nhis-jsonld", "seoul-sitemap", "mois-cpsv");
        assertThat(new HashSet<>(web.baseUrls().values())).hasSize(6);
        assertThat(web.sites().values())
                .extracting(site -> site.agency().serviceCount())
                .containsExactly(64, 60, 50, 50, 60, 30);
        assertThat(web.serviceCount()).isEqualTo(314);
        assertThat(web.harvesterEnvironment()).containsEntry(Gov24ApiAgency.KEY_ENV, Gov24ApiAgency.SERVICE_KEY);
    }

    @Test
    void theCityPublishesASitemapIndexWithAGzippedSitemapOfServicePages() throws Exception {
        String index = new String(get(web.site("seoul-sitemap").entryUrl()).body(), StandardCharsets.UTF_8);
        assertThat(index).contains("<sitemapindex", "sitemap-welfare.xml.gz", "sitemap-notice.xml");
        HttpResponse<byte[]> gz = get(web.baseUrl("seoul-sitemap") + "/sitemap/sitemap-welfare.xml.gz");
        String services = new String(
                new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(services.split("<url>", -1)).hasSize(60 + 1 + 1);
        Matcher first = Pattern.compile("<loc>([^<]+svcId=[^<]+)</loc>").matcher(services);
        assertThat(first.find()).isTrue();
        assertThat(new String(get(first.group(1)).body(), StandardCharsets.UTF_8))
                .contains("<table class=\"tbl-view\">");
    }

    @Test
    void theMinistryPublishesACpsvApCatalogueInTurtle() throws Exception {
        HttpResponse<byte[]> catalogue = get(web.site("mois-cpsv").entryUrl());
        assertThat(catalogue.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/turtle"));
        String ttl = new String(catalogue.body(), StandardCharsets.UTF_8);
        assertThat(ttl.split("a cpsv:PublicService", -1)).hasSize(30 + 1);
        assertThat(ttl).contains("@en", "cv:hasCompetentAuthority");
    }

    @Test
    void theMinistryBoardListsItsServicesInEucKr() throws Exception {
        HttpResponse<byte[]> page = get(web.site("mohw-welfare").entryUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), EUC_KR)).contains("전체 <strong>64</strong>건", "fn_view('");
    }

    @Test
    void theApiPagesItsServicesForAValidKey() throws Exception {
        String key = "&serviceKey=" + URLEncoder.encode(Gov24ApiAgency.SERVICE_KEY, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            HttpResponse<byte[]> response =
                    get(web.baseUrl("gov24-api") + Gov24ApiAgency.LIST_PATH + "?page=" + page + "&perPage=25" + key);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.path("totalCount").asInt()).isEqualTo(60);
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("currentCount").asInt()).isEqualTo(page < 3 ? 25 : 10);
            answer.path("data").forEach(entry -> {
                ids.add(entry.path("서비스ID").asText());
                assertThat(entry.has("조회수")).isTrue();
                assertThat(entry.has("구비서류")).isFalse();
                assertThat(entry.path("수정일시").asText()).matches("\\d{14}");
            });
        }
        assertThat(ids).hasSize(60).doesNotHaveDuplicates();

        JsonNode detail = JSON.readTree(get(web.baseUrl("gov24-api") + "/api/gov24/v3/serviceDetail?"
                        + URLEncoder.encode("cond[서비스ID::EQ]", StandardCharsets.UTF_8) + "=" + ids.get(0)
                        + "&serviceKey="
                        + URLEncoder.encode(Gov24ApiAgency.SERVICE_KEY, StandardCharsets.UTF_8))
                .body());
        assertThat(detail.path("data")).hasSize(1);
        JsonNode record = detail.path("data").get(0);
        assertThat(record.path("서비스ID").asText()).isEqualTo(ids.get(0));
        assertThat(record.path("구비서류").asText()).contains("||");
        assertThat(record.path("소관기관명").asText()).isEqualTo("고용노동부");
        assertThat(record.has("조회수")).isFalse();
    }

    @Test
    void theApiRefusesCallsWithoutARegisteredKey() throws Exception {
        String list = web.baseUrl("gov24-api") + Gov24ApiAgency.LIST_PATH + "?page=1&perPage=10";
        for (String url : List.of(list, list + "&serviceKey=wrong-key")) {
            HttpResponse<byte[]> response = get(url);
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("code").asInt()).isNegative();
            assertThat(error.path("msg").asText()).contains("인증키");
        }
    }

    @Test
    void theDistrictFeedHasAnItemPerServiceInEucKr() throws Exception {
        HttpResponse<byte[]> response = get(web.site("jongno-gu-feed").entryUrl());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), 0, 40, StandardCharsets.US_ASCII))
                .contains("encoding=\"EUC-KR\"");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        assertThat(feed.getDocumentElement().getTagName()).isEqualTo("rss");
        NodeList items = feed.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(50);
        Element first = (Element) items.item(0);
        assertThat(text(first, "title")).isNotBlank();
        assertThat(text(first, "pubDate"))
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0900");
        assertThat(text(first, "guid")).startsWith("JN");
        String link = text(first, "link");
        assertThat(link).startsWith(web.baseUrl("jongno-gu-feed") + "/");
        HttpResponse<byte[]> article = get(link);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(new String(article.body(), EUC_KR)).contains(text(first, "title"));
    }

    @Test
    void theInstitutionsServicePagesCarryGovernmentServiceJsonLd() throws Exception {
        String list = new String(get(web.site("nhis-jsonld").entryUrl()).body(), StandardCharsets.UTF_8);
        assertThat(list).contains("총 <strong>50</strong>건", "pageIndex=2");
        Matcher link = Pattern.compile("href=\"(/nhis/svc/view\\.do[^\"]*svcNo=([A-Z0-9_]+)[^\"]*)\"")
                .matcher(list);
        assertThat(link.find()).isTrue();
        String page = new String(
                get(web.baseUrl("nhis-jsonld") + link.group(1).replace("&amp;", "&"))
                        .body(),
                StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        List<JsonNode> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(JSON.readTree(block.group(1)));
        }
        assertThat(blocks).extracting(b -> b.path("@type").asText()).contains("GovernmentService");
        JsonNode service = blocks.stream()
                .filter(b -> b.path("@type").asText().equals("GovernmentService"))
                .findFirst()
                .orElseThrow();
        assertThat(service.path("identifier").path("value").asText()).isEqualTo(link.group(2));
        assertThat(service.path("provider").path("name").asText()).isEqualTo("국민건강보험공단");
        assertThat(service.path("description").toString()).isNotBlank();
    }

    @Test
    void pagesForServicesWithoutCriteriaOrDocumentsLeaveThoseRowsOut() throws Exception {
        DemoService without = web.site("nhis-jsonld").agency().services().stream()
                .filter(s -> !s.hasCriteria() || !s.hasDocuments())
                .findFirst()
                .orElseThrow();
        String page = new String(
                get(web.baseUrl("nhis-jsonld") + NhisAgency.VIEW_PATH + "?svcNo=" + without.id())
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(page).contains(without.name());
        if (!without.hasCriteria()) {
            assertThat(page).doesNotContain(">선정기준<");
        }
        if (!without.hasDocuments()) {
            assertThat(page).doesNotContain(">구비서류<");
        }
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
