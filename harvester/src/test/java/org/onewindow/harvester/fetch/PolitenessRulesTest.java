package org.onewindow.harvester.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The small rules of crawling manners: Retry-After forms, where robots.txt lives, one request per host at a time. */
class PolitenessRulesTest {

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        assertThat(FetchRoute.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        String inAMinute =
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(FetchRoute.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(FetchRoute.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .as("a date in the past")
                .isEqualTo(Duration.ZERO);
        assertThat(FetchRoute.retryAfter("soon")).isNull();
        assertThat(FetchRoute.retryAfter(null)).isNull();
    }

    @Test
    void findsRobotsTxtAtTheRootOfTheSameOrigin() {
        assertThat(RobotsRules.robotsUrl("https://www.mohw.go.kr:8443/portal/svc/view.do?svcId=1"))
                .isEqualTo("https://www.mohw.go.kr:8443/robots.txt");
        assertThat(RobotsRules.robotsUrl("http://127.0.0.1:8089/a")).isEqualTo("http://127.0.0.1:8089/robots.txt");
        assertThat(RobotsRules.robotsUrl("not a url")).isNull();
    }

    @Test
    void oneRequestAtATimePerHostWhateverTheNumberOfRuns() throws Exception {
        HostGate gate = new HostGate();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService runs = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            runs.execute(() -> {
                gate.withTurn("http://agency.example/page", 0, () -> {
                    mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    for (int spin = 0; spin < 200_000; spin++) {
                        Thread.onSpinWait();
                    }
                    return inFlight.decrementAndGet();
                });
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        runs.shutdown();
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void differentHostsAreNotHeldBackByEachOther() {
        assertThat(HostGate.hostKey("http://a.example/x")).isNotEqualTo(HostGate.hostKey("http://b.example/x"));
        assertThat(HostGate.hostKey("http://A.example/x")).isEqualTo(HostGate.hostKey("http://a.example/y?z=1"));
    }
}
