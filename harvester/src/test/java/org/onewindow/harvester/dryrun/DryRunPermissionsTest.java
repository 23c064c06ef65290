package org.onewindow.harvester.dryrun;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;

/** Dry-runs as production runs them: without onewindow.dry-run.allow-private-networks. */
@QuarkusTest
@TestProfile(DryRunPermissionsTest.DryRunsWithoutPrivateNetworks.class)
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class DryRunPermissionsTest {

    public static class DryRunsWithoutPrivateNetworks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onewindow.dry-run.allow-private-networks", "false");
        }
    }

    @Test
    void aDryRunNamingASourceAllowedPrivateNetworksDoesNotInheritThatPermission() throws IOException {
        // mohw-welfare itself may read loopback; a posted file declaring its id may not
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(bundled("mohw-welfare")
                        .replace(
                                "baseUrl: http://localhost:8089",
                                "baseUrl: " + LocalServicesTestResource.site().baseUrl())))
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(200)
                .body("records", hasSize(0))
                .body("errors[0].stage", equalTo("gather"))
                .body(
                        "errors[0].message",
                        containsString("refused: host 127.0.0.1 resolves to the internal address 127.0.0.1"));
    }

    @Test
    void aDryRunOfAnyOtherFileCannotReachLoopbackEither() throws IOException {
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(bundled("mohw-welfare").replace("mohw-welfare", "someone-elses-source")))
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(200)
                .body("records", hasSize(0))
                .body("errors[0].message", containsString("refused: host localhost resolves to the internal address"));
    }

    private static String bundled(String sourceId) throws IOException {
        try (InputStream in = DryRunPermissionsTest.class.getResourceAsStream("/sources/" + sourceId + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
