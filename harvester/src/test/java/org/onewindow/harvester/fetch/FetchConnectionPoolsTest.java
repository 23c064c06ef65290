package org.onewindow.harvester.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.PageRequest;
import org.onewindow.harvester.LocalServicesTestResource;

/** The fetch route's connections, whatever the URL guard decided before them. */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class FetchConnectionPoolsTest {

    @Inject
    ProducerTemplate producer;

    @Test
    void aConnectionOpenedForASourceAllowedPrivateNetworksIsNeverReusedByOneThatIsNot() {
        String page = LocalServicesTestResource.site().baseUrl() + "/robots.txt";

        FetchOutcome allowed = fetch(page, true);
        FetchOutcome notAllowed = fetch(page, false);

        assertThat(allowed).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(notAllowed).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.reason()).contains("connected to the internal address 127.0.0.1");
            assertThat(failed.retryable()).isFalse();
        });
    }

    private FetchOutcome fetch(String url, boolean allowPrivateNetworks) {
        return producer.requestBody(
                PageFetchRoute.ENDPOINT,
                new FetchCall(PageRequest.get(url), Validators.NONE, allowPrivateNetworks),
                FetchOutcome.class);
    }
}
