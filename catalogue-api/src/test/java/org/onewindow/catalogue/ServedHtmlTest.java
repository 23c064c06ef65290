package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.html.DisplayHtml;
import org.onewindow.mappings.index.ServiceIndex;

/** The HTML renditions the API serves are safe whatever the index holds (defence in depth behind the harvester). */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class ServedHtmlTest {

    private static final String ID = "hostile-index-write-1";
    private static final String PAGE = "https://www.agency.go.kr/svc/view.do?id=1";

    @Inject
    RestClient elasticsearch;

    @Test
    void anActiveRenditionWrittenStraightIntoTheIndexIsServedClean() throws IOException {
        String active = "<p onclick=\"steal()\">지원 내용</p><img src=x onerror=alert(1)><script>alert(2)</script>"
                + "<a href=\"javascript:alert(3)\">나쁜</a> <a href=\"/apply.do\">신청</a>";
        String safe = "<p>월 30만원</p><ul><li>하나</li></ul>";
        // No text field: even deleted, a document would count in the relevance statistics other tests' scores use.
        ObjectNode document = new ObjectMapper()
                .createObjectNode()
                .put("id", ID)
                .put("sourceId", "hostile")
                .put("url", PAGE);
        document.putObject("html")
                .put("description", active)
                .put("benefits", safe)
                .putObject("nested")
                .put("x", "<script>y</script>");
        write("PUT", "/" + ServiceIndex.ALIAS + "/_doc/" + ID + "?refresh=true", document.toString());
        try {
            JsonPath served = given().get("/api/v1/services/{id}", ID)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();

            String description = served.getString("html.description");
            assertThat(description)
                    .isEqualTo(DisplayHtml.clean(active, PAGE))
                    .contains(
                            "<p>지원 내용</p>",
                            "<a href=\"https://www.agency.go.kr/apply.do\" rel=\"nofollow noopener\">신청</a>")
                    .doesNotContain("onclick", "onerror", "<img", "script", "javascript:");
            assertThat(served.getString("html.benefits"))
                    .as("a safe rendition is served as stored")
                    .isEqualTo(safe);
            assertThat(served.getMap("html")).as("only text renditions").doesNotContainKey("nested");
        } finally {
            write("DELETE", "/" + ServiceIndex.ALIAS + "/_doc/" + ID + "?refresh=true", null);
        }
    }

    private void write(String method, String path, String body) throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        elasticsearch.performRequest(request);
    }
}
