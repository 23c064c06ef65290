package org.onewindow.harvester.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.runtime.demo.DemoAgencyWeb;
import org.onewindow.runtime.demo.Gov24ApiAgency;

/**
 * The 정부24 API key (ONEWINDOW_SECRET_GOV24_KEY, bound to gov24-api only) in the hands of posted mapping files: who
 * may read it, where it may go, and that no answer shows it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class SourceSecretsTest {

    private static final String KEY = Gov24ApiAgency.SERVICE_KEY;

    @AfterEach
    void healTheApi() {
        WireMockServer api = LocalServicesTestResource.gov24Api().server();
        api.getStubMappings().stream()
                .filter(stub -> Integer.valueOf(0).equals(stub.getPriority()))
                .toList()
                .forEach(api::removeStub);
    }

    @Test
    void aSourceTheSecretIsNotBoundToCannotReadIt() throws IOException {
        dryRun(gov24File(LocalServicesTestResource.gov24Api().baseUrl()).replace("id: gov24-api", "id: gov24-copy"))
                .then()
                .statusCode(400)
                .body(
                        "errors[0].message",
                        containsString("ONEWINDOW_SECRET_GOV24_KEY is not bound to source 'gov24-copy':"
                                + " an operator binds it with PUT /api/v1/sources/gov24-copy/settings"
                                + " {\"secrets\": [\"ONEWINDOW_SECRET_GOV24_KEY\"]}"));
    }

    @Test
    void aFileNamingTheBoundSourceCannotSendItsSecretToAnotherHost() throws IOException {
        WireMockServer elsewhere =
                new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        elsewhere.start();
        try {
            elsewhere.stubFor(WireMock.any(anyUrl())
                    .willReturn(aResponse().withStatus(200).withBody("{}")));

            dryRun(gov24File("http://localhost:" + elsewhere.port()))
                    .then()
                    .statusCode(200)
                    .body("records", hasSize(0))
                    .body("errors[0].stage", equalTo("gather"))
                    .body(
                            "errors[0].message",
                            containsString(
                                    "refused: the request carries ONEWINDOW_SECRET_GOV24_KEY, which is sent only to 127.0.0.1:"
                                            + LocalServicesTestResource.gov24Api()
                                                    .port() + ", not to localhost:" + elsewhere.port()));

            elsewhere.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void noDryRunAnswerShowsTheSecretEvenWhenTheSiteEchoesIt() throws IOException {
        DemoAgencyWeb.Site api = LocalServicesTestResource.gov24Api();
        api.server()
                .stubFor(WireMock.get(urlPathMatching("/api/gov24/v3/serviceDetail"))
                        .atPriority(0)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("""
                        {"currentCount": 1, "data": [{"서비스명": "키를 되돌려주는 서비스", "서비스목적": "요청 serviceKey=%s 그대로", "소관기관명": "행정안전부"}]}
                        """.formatted(KEY))));

        String answer = dryRun(gov24File(api.baseUrl()))
                .then()
                .statusCode(200)
                .body("records.size()", equalTo(2))
                .extract()
                .asString();

        assertThat(answer).contains("****").doesNotContain(KEY, URLEncoder.encode(KEY, StandardCharsets.UTF_8));
    }

    private static Response dryRun(String mapping) {
        return given().auth()
                .oauth2(LocalServicesTestResource.OPERATOR_KEY)
                .contentType("application/yaml")
                .body(mapping.getBytes(StandardCharsets.UTF_8))
                .queryParam("limit", 2)
                .post("/api/v1/sources/dry-run");
    }

    /** The bundled gov24-api mapping with its base URL set, and no politeness delay. */
    private static String gov24File(String baseUrl) throws IOException {
        try (InputStream in = SourceSecretsTest.class.getResourceAsStream("/sources/gov24-api.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("baseUrl: http://localhost:8090", "baseUrl: " + baseUrl)
                    .replace("delayMillis: 500", "delayMillis: 0");
        }
    }
}
