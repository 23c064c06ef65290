package org.onewindow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Mobile first: an app that accepts gzip gets its answers gzipped, the same JSON in a fraction of the bytes, and
 * caches keep the two apart (Vary: Accept-Encoding). The sizes are printed for BENCHMARKS.md.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class CompressedAnswersTest {

    @TestHTTPResource("/")
    URI api;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSearchGoesGzippedToAClientThatAcceptsItAndPlainToOneThatDoesNot() throws Exception {
        assertGzippedWhenAccepted("/api/v1/services?size=20", 2.5);
    }

    @Test
    void aServiceDetailGoesGzippedToo() throws Exception {
        HttpResponse<byte[]> list = get("/api/v1/services?size=1", "identity");
        String id = new ObjectMapper()
                .readTree(list.body())
                .path("items")
                .path(0)
                .path("id")
                .asText();
        assertGzippedWhenAccepted("/api/v1/services/" + id, 1.5);
    }

    @Test
    void theCatalogueExportGoesGzippedToo() throws Exception {
        assertGzippedWhenAccepted("/api/v1/catalogue.jsonld", 4);
    }

    private void assertGzippedWhenAccepted(String path, double atLeastTimesSmaller) throws Exception {
        HttpResponse<byte[]> plain = get(path, "identity");
        HttpResponse<byte[]> gzipped = get(path, "gzip, deflate, br");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isNotEqualTo(Optional.of("gzip"));
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(String.join(",", gzipped.headers().allValues("Vary"))).contains("Accept-Encoding");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(gzipped.body().length * atLeastTimesSmaller).isLessThan(plain.body().length);
        System.out.printf(
                "answer size %s: %,d bytes, gzipped %,d (%.1f×)%n",
                path, plain.body().length, gzipped.body().length, plain.body().length / (double) gzipped.body().length);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(api.resolve(path))
                        .header("Accept-Encoding", acceptEncoding)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
