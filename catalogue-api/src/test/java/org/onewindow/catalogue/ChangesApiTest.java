package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change feed over the record of truth's version history (the harvester's schema, applied by its migrations). */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class ChangesApiTest {

    @Test
    void followingTheCursorGivesEveryChangeOnceInOrderThenWaitsAtTheEnd() {
        List<String> changes = new ArrayList<>();
        String cursor = null;
        JsonPath page;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            page = request.get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            page.getList("items", Map.class).forEach(item -> changes.add(item.get("id") + " " + item.get("change")));
            cursor = page.getString("nextCursor");
        } while (page.getBoolean("more"));

        assertThat(changes).hasSize(CatalogueServicesTestResource.FIXTURE_SERVICES + 2);
        assertThat(changes.subList(changes.size() - 2, changes.size()))
                .allSatisfy(c -> assertThat(c).matches(".* (updated|withdrawn)"));
        assertThat(changes.get(changes.size() - 1)).endsWith("withdrawn");
        given().queryParam("cursor", cursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", equalTo(cursor))
                .body("more", equalTo(false));
    }

    @Test
    void sinceATimeGivesWhatChangedAfterIt() {
        JsonPath page = given().queryParam("since", "2026-11-05T00:00:00+09:00")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.change", String.class)).containsExactly("updated", "withdrawn");
        assertThat(page.getList("items.changedFields")).containsExactly(List.of("summary"), List.of("status"));
        assertThat(page.getString("items[0].name.ko")).isNotBlank();
    }

    @Test
    void sinceNowGivesNothingAndACursorAtTheEndNotOneThatReplaysTheHistory() {
        String cursor = given().queryParam("since", Instant.now().toString())
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .extract()
                .path("nextCursor");

        given().queryParam("cursor", cursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", equalTo(cursor));
    }

    @Test
    void anUnknownParameterIs400NamingIt() {
        given().queryParam("sinse", "2026-11-05T00:00:00Z")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("sinse"))
                .body("errors[0].message", equalTo("unknown parameter; known: cursor, limit, since"));
    }

    @Test
    void badFeedParametersAre400() {
        given().queryParam("since", "yesterday")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("since"));
        given().queryParam("cursor", "nonsense")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("limit", 5000)
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
    }
}
