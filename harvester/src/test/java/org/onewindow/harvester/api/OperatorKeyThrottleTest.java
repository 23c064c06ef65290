package org.onewindow.harvester.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;

@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class OperatorKeyThrottleTest {

    @Inject
    FailedKeyThrottle throttle;

    @AfterEach
    void forgetTheGuesses() {
        throttle.forgetAll();
    }

    @Test
    void aClientGuessingKeysIsAnswered429EvenForTheRightKey() {
        for (int i = 0; i < FailedKeyThrottle.ALLOWED_FAILURES; i++) {
            given().auth().oauth2("guess-" + i).get("/api/v1/sources").then().statusCode(401);
        }

        given().auth()
                .oauth2("guess-again")
                .get("/api/v1/sources")
                .then()
                .statusCode(429)
                .header("Retry-After", "6");
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/sources")
                .then()
                .statusCode(429);
    }

    @Test
    void requestsWithoutAnyKeyAreNotCountedAsGuesses() {
        for (int i = 0; i < 2 * FailedKeyThrottle.ALLOWED_FAILURES; i++) {
            given().get("/api/v1/sources").then().statusCode(401);
        }

        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .get("/api/v1/sources")
                .then()
                .statusCode(200);
    }
}
