package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Browsing the demo catalogue without a query, and autocomplete. */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class BrowseApiTest {

    @Test
    void categoriesListEveryServiceFieldWithItsCountAndTheCountsMatchTheFilter() {
        JsonPath categories = given().get("/api/v1/categories")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(categories.getList("items.value")).contains("livelihood", "health-medical", "housing-independence");
        int livelihood = categories.getInt("items.find { it.value == 'livelihood' }.count");
        assertThat(livelihood).isPositive();
        given().queryParam("category", "livelihood")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("total", equalTo(livelihood));
        given().queryParam("lang", "en")
                .get("/api/v1/categories")
                .then()
                .statusCode(200)
                .body("items.find { it.value == 'livelihood' }.label", equalTo("Livelihood stability"));
    }

    @Test
    void agenciesAndRegionsHaveNamesAndCounts() {
        given().get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.label", hasItems("보건복지부", "서울특별시 종로구", "국민건강보험공단"));
        JsonPath regions =
                given().get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
        assertThat(regions.getList("items.value")).contains("KR", "11", "11110");
        assertThat(regions.getString("items.find { it.value == '11110' }.label"))
                .isEqualTo("서울특별시 종로구");
    }

    @Test
    void suggestCompletesKoreanSyllablesAndEnglishWords() {
        List<String> names = given().queryParam("q", "청")
                .get("/api/v1/suggest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name");
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).contains("청"));
        assertThat(names).anySatisfy(name -> assertThat(name).startsWith("청년"));
        given().queryParam("q", "pens")
                .queryParam("lang", "en")
                .get("/api/v1/suggest")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Basic Pension for Seoul Seniors"));
        given().queryParam("q", "")
                .get("/api/v1/suggest")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("q"));
        given().queryParam("q", "청")
                .queryParam("size", 50)
                .get("/api/v1/suggest")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("size"));
    }
}
