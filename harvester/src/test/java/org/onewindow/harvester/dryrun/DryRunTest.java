package org.onewindow.harvester.dryrun;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.HarvestRun;

/** Dry-run of a mapping file against the live (WireMock) agency site. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class DryRunTest {

    @Test
    void reportsRawFieldsMappedRecordsAndProblemsWithoutStoringAnything() throws IOException {
        long records = QuarkusTransaction.requiringNew().call(() -> CatalogueRecord.count());
        long runs = QuarkusTransaction.requiringNew().call(() -> HarvestRun.count());

        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(demoMapping().replace("mohw-welfare", "mohw-welfare-trial")))
                .queryParam("limit", 3)
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(200)
                .body("sourceId", equalTo("mohw-welfare-trial"))
                .body("records", hasSize(3))
                .body("records.publishable", everyItem(equalTo(true)))
                .body("records[0].rawFields.title[0]", equalTo("기초연금"))
                .body("records[0].record.name.ko", equalTo("기초연금"))
                .body("records[0].record.competentAuthority.department", equalTo("기초연금과"))
                .body("errors", hasSize(0));

        assertThat(QuarkusTransaction.requiringNew().call(() -> CatalogueRecord.count()))
                .isEqualTo(records);
        assertThat(QuarkusTransaction.requiringNew().call(() -> HarvestRun.count()))
                .isEqualTo(runs);
    }

    @Test
    void aMisspeltMappingIsRefusedWithItsLine() throws IOException {
        String broken = demoMapping().replace("  benefits: benefits", "  benfits: benefits");
        int line = broken.lines().toList().indexOf("  benfits: benefits") + 1;
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(broken))
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors[0].message",
                        containsString(
                                "mohw-welfare.yaml:" + line + ": unknown field 'benfits' (did you mean 'benefits'?)"));
    }

    @Test
    void recordsTheSiteCannotServeAreReportedAsErrors() throws IOException {
        String wrongDetailUrl = demoMapping()
                .replace("/portal/svc/view.do?menuNo=200123&svcId={id}", "/portal/svc/missing.do?svcId={id}");
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(wrongDetailUrl))
                .queryParam("limit", 2)
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(200)
                .body("records", hasSize(0))
                .body("errors", hasSize(2))
                .body("errors[0].stage", equalTo("fetch"))
                .body("errors[0].message", equalTo("HTTP 404"));
    }

    @Test
    void aDryRunReadsItsFilesOwnBaseUrlNotTheConfiguredOneOfTheSourceItNames() throws IOException {
        // mohw-welfare is configured to read the test site; the posted file says another address
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(
                        demoMapping().replace(LocalServicesTestResource.site().baseUrl(), "http://127.0.0.1:9")))
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(200)
                .body("sourceId", equalTo("mohw-welfare"))
                .body("records", hasSize(0))
                .body("errors[0].stage", equalTo("gather"))
                .body("errors[0].url", containsString("http://127.0.0.1:9/"));
    }

    @Test
    void dryRunNeedsTheOperatorKey() {
        given().contentType("application/yaml")
                .body(utf8("id: x"))
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(401);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bundled mapping, pointed at the test's agency site. */
    private static String demoMapping() throws IOException {
        try (InputStream in = DryRunTest.class.getResourceAsStream("/sources/mohw-welfare.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "baseUrl: http://localhost:8089",
                            "baseUrl: " + LocalServicesTestResource.site().baseUrl())
                    .replace("delayMillis: 1000", "delayMillis: 0");
        }
    }
}
