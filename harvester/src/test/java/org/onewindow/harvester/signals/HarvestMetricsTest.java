package org.onewindow.harvester.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.harvester.fetch.FetchOutcome;

class HarvestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HarvestMetrics metrics = new HarvestMetrics();

    @BeforeEach
    void withARegistry() {
        metrics.registry = registry;
    }

    @Test
    void countsEachFetchOnItsHostAndOutcomeWithItsBytes() {
        metrics.fetched("https://www.gov.kr/portal/service/1", ok("안내"), 2_000_000);
        metrics.fetched("https://WWW.GOV.KR/portal/service/2", ok("ab"), 4_000_000);
        metrics.fetched("https://www.gov.kr/portal/service/3", new FetchOutcome.Failed("u", "reset", true), 1_000_000);

        Timer ok = registry.find("onewindow.fetch")
                .tags("host", "www.gov.kr", "outcome", "2xx")
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
        assertThat(registry.find("onewindow.fetch")
                        .tags("host", "www.gov.kr", "outcome", "failed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find("onewindow.fetch.bytes")
                        .tags("host", "www.gov.kr")
                        .counter()
                        .count())
                .isEqualTo("안내".getBytes(StandardCharsets.UTF_8).length + 2);
    }

    @Test
    void hostsBeyondTheCapShareOneLabel() {
        for (int i = 0; i < HarvestMetrics.MAX_HOSTS + 5; i++) {
            metrics.fetched("https://agency-" + i + ".example.kr/", ok("x"), 1);
        }
        metrics.fetched("https://agency-0.example.kr/again", ok("x"), 1); // a host seen before keeps its label

        assertThat(registry.find("onewindow.fetch").timers()).hasSize(HarvestMetrics.MAX_HOSTS + 1);
        assertThat(registry.find("onewindow.fetch")
                        .tags("host", HarvestMetrics.OTHER_HOSTS)
                        .timer()
                        .count())
                .isEqualTo(5);
        assertThat(registry.find("onewindow.fetch")
                        .tags("host", "agency-0.example.kr")
                        .timer()
                        .count())
                .isEqualTo(2);
    }

    private static FetchOutcome ok(String body) {
        return new FetchOutcome.Fetched(
                new FetchedPage(null, "https://x/", 200, "text/html", body.getBytes(StandardCharsets.UTF_8)),
                null,
                null,
                null);
    }
}
