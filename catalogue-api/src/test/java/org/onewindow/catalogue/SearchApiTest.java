package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.index.ApplicationPeriod;

/** Filters, facets, sorting, highlighting, cursors, caching and limits of the search API, on the demo catalogue. */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class SearchApiTest {

    @Test
    void filtersNarrowTheResultsAndFacetsCountTheRest() {
        JsonPath all = given().queryParam("size", 1)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getList("facets.category.value")).contains("livelihood", "health-medical");
        int cash = all.getInt("facets.supportType.find { it.value == 'cash' }.count");

        JsonPath filtered = given().queryParam("supportType", "cash")
                .queryParam("size", 100)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("items.supportType", everyItem(equalTo("현금")))
                .extract()
                .jsonPath();
        assertThat(filtered.getInt("total")).isEqualTo(cash);
        assertThat(filtered.getList("facets.supportType.value"))
                .as("its own facet still shows the other choices")
                .contains("cash", "service");
        assertThat(filtered.getInt("facets.category.collect { it.count }.sum()"))
                .isGreaterThanOrEqualTo(cash);
    }

    @Test
    void aFilterAcceptsCodesAndLabelsAndSeveralValuesAreAlternatives() {
        int byCode = given().queryParam("supportType", "cash")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        int byLabel = given().queryParam("supportType", "현금")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        int service = given().queryParam("supportType", "service")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        int either = given().queryParam("supportType", "cash,service")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        int repeated = given().queryParam("supportType", "cash", "service")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .path("total");

        assertThat(byLabel).isEqualTo(byCode);
        assertThat(either).isEqualTo(byCode + service).isEqualTo(repeated);
    }

    @Test
    void aDistrictIncludesNationwideServicesAndThoseOfItsCity() {
        JsonPath jongno = given().queryParam("region", "11110")
                .queryParam("size", 1)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int nationwide = given().queryParam("region", "KR")
                .get("/api/v1/services")
                .then()
                .extract()
                .path("total");
        int busan = given().queryParam("region", "26")
                .get("/api/v1/services")
                .then()
                .extract()
                .path("total");

        assertThat(jongno.getList("facets.region.value")).contains("KR", "11", "11110");
        assertThat(jongno.getInt("total")).isEqualTo(jongno.getInt("facets.region.collect { it.count }.sum()"));
        assertThat(busan)
                .as("no Busan services in the demo: nationwide ones only")
                .isEqualTo(nationwide);
        assertThat(jongno.getInt("total")).isGreaterThan(nationwide);
    }

    @Test
    void openNowKeepsOnlyServicesTakingApplicationsToday() {
        JsonPath open = given().queryParam("openNow", "true")
                .queryParam("size", 40)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int all = given().get("/api/v1/services").then().extract().path("total");
        assertThat(open.getInt("total")).isPositive().isLessThan(all);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        for (String id : open.getList("items.id", String.class)) {
            String period =
                    given().get("/api/v1/services/{id}", id).then().extract().path("applicationPeriod");
            assertThat(ApplicationPeriod.parse(period))
                    .as(id + ": " + period)
                    .hasValueSatisfying(p -> assertThat(p.openOn(today)).isTrue());
        }
        given().queryParam("openNow", "maybe")
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("openNow"));
    }

    @Test
    void agencyFacetNamesTheAgencies() {
        given().queryParam("size", 1)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("facets.agency.label", hasItems("보건복지부", "서울특별시 종로구"))
                .body("facets.agencyType.value", hasItems("central", "local", "public-institution"));
    }

    @Test
    void sortsByRecencyAndPopularity() {
        List<String> dates = given().queryParam("sort", "updated")
                .queryParam("size", 50)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.lastModified");
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(Comparator.reverseOrder());
        assertThat(dates).isEqualTo(sorted);
        given().queryParam("sort", "popularity").get("/api/v1/services").then().statusCode(200);
        given().queryParam("sort", "newest")
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("sort"));
    }

    @Test
    void matchedWordsAreHighlightedAsEscapedHtml() {
        given().queryParam("q", "청년")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("items[0].highlight.name", containsString("<em>청년</em>"));
    }

    @Test
    void aCursorWalksEveryServiceOnceWithoutPageNumbers() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("size", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/services")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("items.id");
            assertThat(ids)
                    .allSatisfy(id ->
                            assertThat(seen.add(id)).as("seen twice: " + id).isTrue());
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(CatalogueServicesTestResource.FIXTURE_SERVICES);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aCursorOfAnotherQueryOrAForgedOneIs400() {
        String cursor = given().queryParam("size", 10)
                .get("/api/v1/services")
                .then()
                .extract()
                .path("nextCursor");
        given().queryParam("size", 10)
                .queryParam("q", "청년")
                .queryParam("cursor", cursor)
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("cursor", "not-a-cursor")
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("cursor", cursor)
                .queryParam("page", 2)
                .queryParam("size", 10)
                .get("/api/v1/services")
                .then()
                .statusCode(400);
    }

    @Test
    void theLastPageWithinTheResultWindowIsServedAndOneBeyondIs400() {
        given().queryParam("page", 100)
                .queryParam("size", 100)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", notNullValue());
        given().queryParam("page", 101)
                .queryParam("size", 100)
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("page"));
    }

    @Test
    void aCursorWithSortValuesOfTheWrongShapeIs400() {
        String cursor = given().queryParam("size", 10)
                .get("/api/v1/services")
                .then()
                .extract()
                .path("nextCursor");
        ObjectNode decoded = (ObjectNode) readToken(cursor);
        decoded.putArray("a").add("가").add("나").add("다"); // the fingerprint of the query, one sort value too many

        given().queryParam("size", 10)
                .queryParam(
                        "cursor",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(decoded.toString().getBytes(StandardCharsets.UTF_8)))
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void everyEndpointRefusesAParameterItDoesNotKnow() {
        String id = given().queryParam("size", 1)
                .get("/api/v1/services")
                .then()
                .extract()
                .path("items[0].id");
        given().queryParam("lang", "en")
                .queryParam("sise", 3)
                .get("/api/v1/categories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("sise"));
        given().queryParam("q", "청")
                .queryParam("limit", 3)
                .get("/api/v1/suggest")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("unknown parameter; known: lang, q, size"));
        given().queryParam("lang", "en")
                .get("/api/v1/services/{id}", id)
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("unknown parameter; this endpoint takes none"));
        given().queryParam("lang", "en").get("/api/v1/categories").then().statusCode(200);
    }

    private static JsonNode readToken(String token) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownParametersAndFilterValuesAre400NamingEach() {
        given().queryParam("categroy", "health")
                .queryParam("region", "99999")
                .queryParam("supportType", "gold")
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", hasItems("categroy", "region", "supportType"))
                .body("errors.find { it.parameter == 'supportType' }.message", containsString("unknown value 'gold'"));
        given().queryParam("size", "ten")
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("size"));
        given().queryParam("page", "1")
                .queryParam("page", "2")
                .get("/api/v1/services")
                .then()
                .statusCode(400);
    }

    @Test
    void malformedPercentEncodingIs400() throws Exception {
        int port = RestAssured.port;
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write("GET /api/v1/services?q=%E3%80 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .replace("%E3%80", "%zz")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("malformed percent-encoding");
        }
    }

    @Test
    void answersCarryAnETagAndARevalidationGets304() {
        var first = given().queryParam("q", "연금")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("max-age"))
                .extract();
        given().queryParam("q", "연금")
                .header("If-None-Match", first.header("ETag"))
                .get("/api/v1/services")
                .then()
                .statusCode(304)
                .body(equalTo(""));
        given().queryParam("q", "수당")
                .header("If-None-Match", first.header("ETag"))
                .get("/api/v1/services")
                .then()
                .statusCode(200);
        String detailTag = given().get("/api/v1/services/{id}", "mohw-welfare~WLF00000101")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", detailTag)
                .get("/api/v1/services/{id}", "mohw-welfare~WLF00000101")
                .then()
                .statusCode(304);
    }

    @Test
    void anyWebAppMayCallTheApi() {
        given().header("Origin", "https://app.example")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", Matchers.anyOf(equalTo("*"), equalTo("https://app.example")));
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterWhileOtherClientsAreServed() throws Exception {
        // The limited client talks from another loopback address, so the other tests' client keeps its budget.
        String limited = null;
        for (int i = 0; i < 2000 && limited == null; i++) {
            String response = requestFrom("127.0.0.2", "/api/v1/services/no-such-service");
            if (response.startsWith("HTTP/1.1 429")) {
                limited = response;
            }
        }
        assertThat(limited).as("the limit was reached").isNotNull();
        assertThat(limited).containsIgnoringCase("retry-after: ").contains("application/problem+json");
        given().get("/api/v1/services").then().statusCode(200); // another client is not held back
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> requestFrom("127.0.0.2", "/api/v1/services").startsWith("HTTP/1.1 200"));
    }

    private static String requestFrom(String localAddress, String path) throws IOException {
        try (Socket socket = new Socket(
                InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(localAddress), 0)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
