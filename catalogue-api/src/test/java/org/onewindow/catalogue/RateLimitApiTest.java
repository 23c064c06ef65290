package org.onewindow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The per-client rate limit behind a load balancer: the test plays the trusted proxy from 127.0.0.1 (the test
 * profile's {@code quarkus.http.proxy.trusted-proxies}) and an untrusted peer from 127.0.0.2.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class RateLimitApiTest {

    private static final String TRUSTED_PROXY = "127.0.0.1";
    private static final String UNTRUSTED_PEER = "127.0.0.2";
    /** Well past the test profile's burst (150), however the bucket refills (20 a second) while the test sends. */
    private static final int ENOUGH_TO_EMPTY_A_BUCKET = 2_000;

    @Test
    void twoCitizensBehindATrustedProxyHaveBucketsOfTheirOwn() throws IOException {
        int sent = untilLimited(TRUSTED_PROXY, i -> "203.0.113.7");

        assertThat(sent).as("requests until 203.0.113.7 was limited").isBetween(150, ENOUGH_TO_EMPTY_A_BUCKET - 1);
        assertThat(status(TRUSTED_PROXY, "203.0.113.8"))
                .as("another citizen behind the same proxy")
                .isNotEqualTo(429);
    }

    @Test
    void anUntrustedPeerCannotEscapeItsBucketByForgingTheHeader() throws IOException {
        int sent = untilLimited(UNTRUSTED_PEER, i -> "198.51.100." + (i % 250) + ", 192.0.2." + (i % 200));

        // a new forged address on every request, and still limited: its bucket is its own socket address
        assertThat(sent).as("requests until the forging peer was limited").isLessThan(ENOUGH_TO_EMPTY_A_BUCKET);
    }

    @Test
    void twoAddressesOfOneIpv6Slash64ShareABucket() throws IOException {
        int sent = untilLimited(TRUSTED_PROXY, i -> "2001:db8:1:2::" + Integer.toHexString(i + 1));

        assertThat(sent)
                .as("a new address of the /64 on every request, and still limited")
                .isLessThan(ENOUGH_TO_EMPTY_A_BUCKET);
        assertThat(status(TRUSTED_PROXY, "2001:db8:1:3::1")).as("the next /64").isNotEqualTo(429);
    }

    private interface Forwarded {
        String forRequest(int i);
    }

    /**
     * Sends from {@code peer} until a 429; returns how many requests that took. (Whether the very next request is
     * limited too depends on how fast the bucket refills meanwhile, so the tests never ask that.)
     */
    private static int untilLimited(String peer, Forwarded forwarded) throws IOException {
        for (int i = 0; i < ENOUGH_TO_EMPTY_A_BUCKET; i++) {
            if (status(peer, forwarded.forRequest(i)) == 429) {
                return i + 1;
            }
        }
        return ENOUGH_TO_EMPTY_A_BUCKET;
    }

    /** The status of one cheap request (an id the API refuses before asking Elasticsearch) sent from {@code peer}. */
    private static int status(String peer, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(peer), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(TRUSTED_PROXY), RestAssured.port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/services/no!such HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
