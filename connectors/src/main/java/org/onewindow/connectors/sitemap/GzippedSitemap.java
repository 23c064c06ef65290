package org.onewindow.connectors.sitemap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Inflates a gzipped sitemap ourselves, through a bounded stream, before crawler-commons sees it (which would inflate
 * whatever the bytes give): sitemaps.org allows 50 MB uncompressed, and no more than that is ever inflated.
 */
final class GzippedSitemap {

    /** sitemaps.org: "no larger than 50MB (52,428,800 bytes)" uncompressed. */
    static final long MAX_INFLATED_BYTES = 52_428_800;

    static final int BUFFER_BYTES = 64 * 1024;

    private GzippedSitemap() {}

    /** Whether the bytes start with gzip's magic number, whatever the Content-Type said. */
    static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
    }

    /**
     * @throws TooLarge when the sitemap inflates to more than {@link #MAX_INFLATED_BYTES}, once that much (and at
     *                  most one buffer more) has been inflated
     * @throws IOException when the bytes are not gzip
     */
    static byte[] inflate(String url, byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), BUFFER_BYTES)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[BUFFER_BYTES];
            long inflated = 0;
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                inflated += read;
                if (inflated > MAX_INFLATED_BYTES) {
                    throw new TooLarge(url, inflated);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }

    /** A sitemap past sitemaps.org's limit, with how much of it was inflated before giving up. */
    static final class TooLarge extends IOException {

        private final long inflatedBytes;

        TooLarge(String url, long inflatedBytes) {
            super("sitemap " + url + " inflates to more than 50 MB (" + MAX_INFLATED_BYTES
                    + " bytes, sitemaps.org's limit)");
            this.inflatedBytes = inflatedBytes;
        }

        long inflatedBytes() {
            return inflatedBytes;
        }
    }
}
