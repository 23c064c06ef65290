package org.onewindow.connectors.sitemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.Fixtures;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;

/** A gzipped sitemap is inflated through a bounded stream: sitemaps.org's 50 MB, not what the bytes would give. */
class GzippedSitemapTest {

    private static final String BASE = "https://news.seoul.go.kr";
    private static final long GIBIBYTE = 1L << 30;
    private static final String ENTRY =
            "<url><loc>https://news.seoul.go.kr/welfare/archives/view.do?svcId=SEOUL-2025-0101</loc></url>\n";

    private final SitemapConnector connector = new SitemapConnector(
            BASE,
            new SitemapSettings(
                    "/sitemap/sitemap-index.xml",
                    "/welfare/archives/view\\.do\\?svcId=([A-Z0-9-]+)",
                    List.of(),
                    Map.of("title", List.of("h2.tit"))));

    /** About 1 MiB of gzip holding a sitemap of 1 GiB, made by streaming (never 1 GiB in memory). */
    private static byte[] gigabyteSitemapGzipped() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
            gzip.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                            .getBytes(StandardCharsets.UTF_8));
            gzip.write(ENTRY.getBytes(StandardCharsets.UTF_8));
            byte[] block =
                    " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8); // whitespace between entries is valid XML
            for (long written = 0; written < GIBIBYTE; written += block.length) {
                gzip.write(block);
            }
            gzip.write("</urlset>\n".getBytes(StandardCharsets.UTF_8));
        }
        return compressed.toByteArray();
    }

    @Test
    void aSitemapInflatingPastFiftyMegabytesFailsFastAfterInflatingNoMoreThanThat() throws IOException {
        byte[] gzip = gigabyteSitemapGzipped();
        assertThat(gzip.length).isLessThan(2 << 20);
        String url = BASE + "/sitemap/huge.xml.gz";

        assertThatThrownBy(() -> GzippedSitemap.inflate(url, gzip))
                .isInstanceOfSatisfying(
                        GzippedSitemap.TooLarge.class,
                        tooLarge -> assertThat(tooLarge.inflatedBytes())
                                .isGreaterThan(GzippedSitemap.MAX_INFLATED_BYTES)
                                .isLessThanOrEqualTo(GzippedSitemap.MAX_INFLATED_BYTES + GzippedSitemap.BUFFER_BYTES))
                .hasMessage("sitemap " + url + " inflates to more than 50 MB (52428800 bytes, sitemaps.org's limit)");
        Fixtures.assertUnreadable(
                        connector.gather(new FetchedPage(PageRequest.get(url), url, 200, "application/gzip", gzip)))
                .startsWith("sitemap " + url + " inflates to more than 50 MB");
    }

    @Test
    void aGzippedSitemapUnderTheLimitIsReadWhateverItsContentType() {
        String url = BASE + "/sitemap/sitemap-welfare.xml.gz";
        byte[] gzip = Fixtures.bytes("seoul-sitemap", "sitemap-welfare.xml.gz");

        for (String contentType : new String[] {"application/gzip", "application/octet-stream", "text/xml", null}) {
            GatherResult result = connector.gather(new FetchedPage(PageRequest.get(url), url, 200, contentType, gzip));

            assertThat(result.records())
                    .as(contentType)
                    .extracting(RecordRef::sourceRecordId)
                    .containsExactly("SEOUL-2025-0101", "SEOUL-2025-0102", "SEOUL-2025-0103");
        }
    }
}
