package org.onewindow.harvester.dryrun;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.api.Problem;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.runtime.demo.DemoAgencySite;

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

    @Test
    void aDryRunPagesThroughTheWholeListingAndSaysWhenItsLimitWasCapped() throws IOException {
        int services = DemoAgencySite.services().size();
        dryRun(demoMapping(), "limit", 3)
                .body("records", hasSize(3))
                .body("offset", equalTo(0))
                .body("nextOffset", equalTo(3))
                .body("listingComplete", equalTo(false));
        dryRun(demoMapping(), "offset", services - 2, "limit", 5)
                .body("records", hasSize(2))
                .body(
                        "records[1].sourceRecordId",
                        equalTo(DemoAgencySite.services().get(services - 1).id()))
                .body("nextOffset", nullValue())
                .body("listed", equalTo(services))
                .body("listingComplete", equalTo(true));
        dryRun(demoMapping(), "offset", services - 1, "limit", 500)
                .body("notes[0]", containsString("limit 500 capped to 50 (onewindow.harvest.dry-run-max-records)"));
    }

    @Test
    void aLimitThatIsNotANumberIsTheCallersMistakeNamedNotAMissingResource() throws IOException {
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(demoMapping()))
                .queryParam("limit", "ten")
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].parameter", equalTo("limit"))
                .body("errors[0].message", equalTo("a whole number, not 'ten'"));
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .queryParam("limit", "20x")
                .get("/api/v1/sources/{id}/runs", "mohw-welfare")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
    }

    @Test
    void unknownParametersAndAListingThatNamesNothingAreSaidSo() throws IOException {
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(demoMapping()))
                .queryParam("limt", 3)
                .queryParam("offset", -1)
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(400)
                .body("errors.parameter", containsInAnyOrder("limt", "offset"));
        dryRun(demoMapping().replace("table.board_list td.subject a", "table.no_such_board a"), "limit", 3)
                .body("records", hasSize(0))
                .body(
                        "errors[0].message",
                        containsString("list.itemSelector 'table.no_such_board a' with list.idPattern"))
                .body("errors[0].message", containsString("found nothing"));
    }

    @Test
    void aMisspeltConnectorSettingIsRefusedWithItsLineAndNoJavaClassName() throws IOException {
        String misspelt = demoMapping().replace("      itemSelector:", "      itemSelecter:");
        int line = misspelt.lines()
                        .toList()
                        .indexOf(misspelt.lines()
                                .filter(l -> l.startsWith("      itemSelecter:"))
                                .findFirst()
                                .orElseThrow())
                + 1;
        given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(misspelt))
                .post("/api/v1/sources/dry-run")
                .then()
                .statusCode(400)
                .body(
                        "errors[0].message",
                        equalTo("sources/mohw-welfare.yaml:" + line
                                + ": connector.settings.list: missing setting 'itemSelector' ('itemSelecter': did"
                                + " you mean 'itemSelector'?)"));
    }

    @Test
    void aListingRequestTheSiteRefusesSaysWhichRequestAndWhy() throws IOException {
        LocalServicesTestResource.site()
                .server()
                .stubFor(post(urlPathEqualTo("/portal/svc/list.do"))
                        .atPriority(0)
                        .willReturn(aResponse().withStatus(405)));
        try {
            dryRun(demoMapping(), "limit", 2)
                    .body("records", hasSize(0))
                    .body(
                            "errors[0].message",
                            containsString("HTTP 405 for POST "
                                    + LocalServicesTestResource.site().baseUrl()
                                    + "/portal/svc/list.do: the site does not take a POST there"));
        } finally {
            AgencySiteDouble.removeTestStubs();
        }
    }

    @Test
    void aDiffSaysWhatWouldBeAddedUpdatedWithWhichFieldsAndWhatIsNoLongerListed() throws IOException {
        AgencySiteDouble.harvestedWhole();
        String hidden = DemoAgencySite.services().get(2).id();
        LocalServicesTestResource.site().hide(hidden);
        try {
            String summaryFromPurpose = demoMapping().replace("  summary: [summary, purpose]", "  summary: purpose");
            assertThat(summaryFromPurpose).isNotEqualTo(demoMapping());

            var diff = dryRun(summaryFromPurpose, "limit", 5, "diff", true)
                    .body("listingComplete", equalTo(true))
                    .extract()
                    .jsonPath();

            assertThat(diff.getList("diff.noLongerListed")).containsExactly(hidden);
            assertThat(diff.getList("diff.added")).isEmpty();
            assertThat(diff.getList("diff.updated.fields", List.class))
                    .isNotEmpty()
                    .allSatisfy(fields -> assertThat(fields).contains("summary"));
            assertThat(diff.getInt("diff.unchanged")
                            + diff.getList("diff.updated").size())
                    .isEqualTo(diff.getList("records").size());
        } finally {
            LocalServicesTestResource.site().showAll();
        }
    }

    private static ValidatableResponse dryRun(String mapping, Object... parameters) throws IOException {
        RequestSpecification request = given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(utf8(mapping));
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.post("/api/v1/sources/dry-run").then().statusCode(200);
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
