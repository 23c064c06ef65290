package org.onewindow.harvester.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PingRateLimitTest {

    private final AtomicLong now = new AtomicLong();
    private final PingRateLimit limit = new PingRateLimit(now::get);

    @Test
    void anAgencyPingsAMinutesPagesAtOnceThenAsTheBucketRefills() {
        assertThat(limit.take("1352000", 60, 60)).isEmpty();

        assertThat(limit.take("1352000", 1, 60)).as("the bucket is empty").hasValue(1);
        assertThat(limit.take("6110000", 10, 60))
                .as("another agency has its own")
                .isEmpty();
        now.addAndGet(10_000_000_000L); // 10 s: 10 pages back
        assertThat(limit.take("1352000", 10, 60)).isEmpty();
        assertThat(limit.take("1352000", 30, 60)).as("30 pages are 30 s away").hasValue(30);
    }

    @Test
    void aPingOfMorePagesThanTheBucketHoldsTakesNothing() {
        assertThat(limit.take("1352000", 50, 60)).isEmpty();
        assertThat(limit.take("1352000", 20, 60)).isPresent();
        assertThat(limit.take("1352000", 10, 60))
                .as("the refused ping took nothing")
                .isEmpty();
    }
}
