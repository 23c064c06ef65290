package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The {@code robots.txt} every demo site answers: crawling allowed. */
final class Robots {

    private Robots() {}

    static void stub(WireMockServer server) {
        server.stubFor(get(urlEqualTo("/robots.txt"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("User-agent: *\nAllow: /\n")));
    }
}
