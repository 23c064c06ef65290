package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The public search API over a real node with our Korean analysis. */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class ServicesApiTest {

    @Test
    void youthQueryFindsTheYouthServicesWithDisplayFields() {
        given().queryParam("q", "청년")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("total", Matchers.greaterThanOrEqualTo(20))
                .body("items.name", hasItem("청년수당 (구직활동 지원금)"))
                .body("items.name", hasItem("청년도약계좌"))
                .body("items.agency", everyItem(notNullValue()))
                .body("items.summary", everyItem(notNullValue()))
                .body("items.url", everyItem(notNullValue()));
    }

    @Test
    void koreanTypedStraightIntoTheUrlIsUnderstood() throws Exception {
        int total = given().queryParam("q", "청년")
                .get("/api/v1/services")
                .then()
                .extract()
                .path("total");
        int port = RestAssured.port;
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET /api/v1/services?q=청년 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Assertions.assertThat(response).startsWith("HTTP/1.1 200").contains("\"total\":" + total + ",");
        }
    }

    @Test
    void partOfACompoundFindsTheCompound() {
        given().queryParam("q", "수당")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("청년수당 (구직활동 지원금)"))
                .body("items.name", hasItem("아동수당"));
    }

    @Test
    void inflectedQueryMatchesThroughMorphology() {
        List<String> names = given().queryParam("q", "어르신에게 지급하는 연금")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name");
        Assertions.assertThat(names.subList(0, 3)).contains("기초연금");
    }

    @Test
    void englishDisplayStringsWhenAskedFallingBackToKorean() {
        given().queryParam("q", "pension")
                .queryParam("lang", "en")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Basic Pension for Seoul Seniors"))
                .body(
                        "items.find { it.name == 'Basic Pension for Seoul Seniors' }.summary",
                        Matchers.startsWith("만 65세 이상")); // no English summary: the Korean one
        given().queryParam("q", "아동수당")
                .queryParam("lang", "en")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("아동수당"));
        given().queryParam("lang", "fr")
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("lang"));
    }

    @Test
    void emptyQueryListsEveryServicePageByPage() {
        given().queryParam("size", 100)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("total", equalTo(CatalogueServicesTestResource.FIXTURE_SERVICES))
                .body("items", hasSize(100));
        given().queryParam("size", 4)
                .queryParam("page", 79)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("total", equalTo(CatalogueServicesTestResource.FIXTURE_SERVICES))
                .body("page", equalTo(79))
                .body("items", hasSize(2));
    }

    @Test
    void detailHasEveryFieldOfTheCommonSchema() {
        given().get("/api/v1/services/{id}", "mohw-welfare~WLF00000101")
                .then()
                .statusCode(200)
                .body("name.ko", equalTo("기초연금"))
                .body("competentAuthority.code", equalTo("1352000"))
                .body("requiredDocuments", hasItem("신분증"));
    }

    @Test
    void theDetailServesNoFieldThatOnlySearchUses() {
        given().get("/api/v1/services/{id}", "gov24-api~000000154085")
                .then()
                .statusCode(200)
                .body("applicationPeriod", equalTo("2026.01.15. ~ 2026.02.10."))
                .body("$", not(hasKey("applicationWindow")));
        given().get("/api/v1/services/{id}", "gov24-api~000000338082")
                .then()
                .statusCode(200)
                .body("applicationPeriod", equalTo("상시신청"))
                .body("$", not(hasKey("applicationAlwaysOpen")));
    }

    @Test
    void detailListsTheChannelsToApplyOrAskThrough() {
        given().get("/api/v1/services/{id}", "gov24-api~000000154085")
                .then()
                .statusCode(200)
                .body("channels.type", equalTo(List.of("online", "phone")))
                .body("channels[0].url", equalTo("https://www.gov.kr/portal/rcvfvrSvc/dtlEx/000000154085"))
                .body("channels[1].phone", equalTo("1357"))
                .body("channels[1].label", equalTo("중소기업 통합콜센터"));
        given().get("/api/v1/services/{id}", "seoul-sitemap~SEOUL-2015-0396")
                .then()
                .statusCode(200)
                .body("channels.type", equalTo(List.of("online", "phone", "in-person")))
                .body("channels[0].description", equalTo("복지로 온라인 신청(공동인증서 필요)"))
                .body("channels[1].phone", equalTo("02-2133-8353"))
                .body("channels[2].description", equalTo("주소지 동 주민센터 또는 국민연금공단 지사 방문 신청"));
    }

    @Test
    void detailSaysWhereTheDescriptionComesFromAndHowFreshItIs() {
        given().get("/api/v1/services/{id}", "seoul-sitemap~SEOUL-2015-0396")
                .then()
                .statusCode(200)
                .body("provenance.source", equalTo("seoul-sitemap"))
                .body("provenance.url", Matchers.containsString("/"))
                .body("provenance.lastHarvested", equalTo("2026-11-27T03:00:00Z"))
                .body("provenance.revision", equalTo(1));
    }

    @Test
    void detailAsSchemaOrgJsonLdWhenAskedFor() {
        given().accept("application/ld+json")
                .get("/api/v1/services/{id}", "seoul-sitemap~SEOUL-2015-0396")
                .then()
                .statusCode(200)
                .contentType("application/ld+json")
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("GovernmentService"))
                .body("'@id'", Matchers.endsWith("/api/v1/services/seoul-sitemap~SEOUL-2015-0396"))
                .body("name.find { it.'@language' == 'en' }.'@value'", equalTo("Basic Pension for Seoul Seniors"))
                .body("description", hasSize(1)) // Korean only, yet language-tagged: one shape for every service
                .body("description[0].'@language'", equalTo("ko"))
                .body("provider.'@type'", equalTo("GovernmentOrganization"))
                .body("areaServed.identifier", hasItem("11"))
                .body("availableChannel.servicePhone.telephone", hasItem("02-2133-8353"))
                .body("availableChannel.servicePhone.name", hasItem("어르신복지과"));
        given().get("/api/v1/services/{id}", "seoul-sitemap~SEOUL-2015-0396")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("name.ko", equalTo("서울시 어르신 기초연금"));
    }

    @Test
    void theJsonLdIdIsOnTheConfiguredAddressWhateverHostTheClientNames() {
        given().accept("application/ld+json")
                .header("Host", "attacker.example")
                .get("/api/v1/services/{id}", "seoul-sitemap~SEOUL-2015-0396")
                .then()
                .statusCode(200)
                .body("'@id'", equalTo("https://catalogue.example/api/v1/services/seoul-sitemap~SEOUL-2015-0396"));
    }

    @Test
    void unknownServiceIsProblemJson404() {
        given().get("/api/v1/services/{id}", "no-such-service")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void badParametersAreProblemJson400NamingEachParameter() {
        given().queryParam("page", 0)
                .queryParam("size", 1000)
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", containsInAnyOrder("page", "size"));
        given().queryParam("page", 500)
                .queryParam("size", 100)
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void hostileQueriesAreJustText() {
        for (String hostile : new String[] {
            "\" OR 1=1 --", "name.ko:*", "{\"match_all\":{}}", "청년)(*&^%$#@!", "<script>alert(1)</script>"
        }) {
            given().queryParam("q", hostile).get("/api/v1/services").then().statusCode(200);
        }
        given().queryParam("q", "가".repeat(201))
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("q"));
    }

    @Test
    void publicApiIsReadOnly() {
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/services")
                .then()
                .statusCode(405);
        given().delete("/api/v1/services/{id}", "mohw-welfare~WLF00000101")
                .then()
                .statusCode(405);
    }

    @Test
    void openApiDescribesTheServicesEndpoints() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", Matchers.hasKey("/api/v1/services"));
    }
}
