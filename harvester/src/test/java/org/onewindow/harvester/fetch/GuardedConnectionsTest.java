package org.onewindow.harvester.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A name that answers a public address to the guard and loopback to the connection (DNS rebinding). */
class GuardedConnectionsTest {

    private static final String REBINDING_HOST = "agency.rebind.example";
    private static WireMockServer site;

    @BeforeAll
    static void startTheSiteOnLoopback() {
        site = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        site.start();
        site.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("internal admin page")));
    }

    @BeforeEach
    void forgetEarlierRequests() {
        site.resetRequests();
    }

    @AfterAll
    static void stopTheSite() {
        site.stop();
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheGuardIsRefusedAtTheConnection() throws IOException {
        HostResolver rebinding = publicFirstThenLoopback();
        String url = "http://" + REBINDING_HOST + ":" + site.port() + "/admin";

        assertThat(UrlGuard.check(url, false, rebinding))
                .as("the guard saw a public address")
                .isEmpty();
        try (CloseableHttpClient client = client(GuardedConnections.pool(false, rebinding, Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> client.execute(new HttpGet(url), response -> response.getCode()))
                    .isInstanceOf(GuardedConnections.InternalAddressRefused.class)
                    .hasMessageContaining("connected to the internal address 127.0.0.1");
        }
        site.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void thePoolOfSourcesAllowedPrivateNetworksReachesLoopback() throws IOException {
        try (CloseableHttpClient client = client(GuardedConnections.pool(
                true, host -> new InetAddress[] {InternalAddresses.literal("127.0.0.1")}, Duration.ofSeconds(2)))) {
            int status = client.execute(
                    new HttpGet("http://" + REBINDING_HOST + ":" + site.port() + "/page"),
                    response -> response.getCode());
            assertThat(status).isEqualTo(200);
        }
    }

    private static CloseableHttpClient client(HttpClientConnectionManager pool) {
        return HttpClients.custom().setConnectionManager(pool).build();
    }

    /** The first lookup answers a public address, every later one loopback. */
    private static HostResolver publicFirstThenLoopback() {
        AtomicInteger lookups = new AtomicInteger();
        return host -> new InetAddress[] {
            lookups.getAndIncrement() == 0
                    ? InternalAddresses.literal("93.184.215.14")
                    : InternalAddresses.literal("127.0.0.1")
        };
    }
}
