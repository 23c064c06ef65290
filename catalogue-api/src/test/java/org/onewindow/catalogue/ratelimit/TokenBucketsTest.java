package org.onewindow.catalogue.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    /** Takes the whole burst of a client; its next request must wait. */
    private static void drain(TokenBuckets buckets, String client, long now) {
        while (buckets.take(client, now) == 0) {
            // taking
        }
    }

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 10);

        assertThat(buckets.take("a", 0)).isZero();
        assertThat(buckets.take("a", 0)).isZero();
        assertThat(buckets.take("a", 0)).isZero();
        assertThat(buckets.take("a", 0)).isEqualTo(0.5);
        assertThat(buckets.take("b", 0)).as("another client, another bucket").isZero();
        assertThat(buckets.take("a", SECOND / 2)).as("refilled at 2 per second").isZero();
    }

    @Test
    void fillingPastTheBoundForgetsTheLeastRecentClientOnly() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 3);
        drain(buckets, "a", 0);
        drain(buckets, "b", 0);
        drain(buckets, "c", 0);
        assertThat(buckets.take("a", 0))
                .as("a still limited, and now seen after b")
                .isPositive();

        assertThat(buckets.take("d", 0)).isZero();

        assertThat(buckets.clients()).isEqualTo(3);
        assertThat(buckets.take("a", 0)).as("a keeps its state").isPositive();
        assertThat(buckets.take("c", 0)).as("c keeps its state").isPositive();
        assertThat(buckets.take("b", 0))
                .as("b, seen least recently, was forgotten: a fresh bucket")
                .isZero();
    }

    @Test
    void aFloodOfNewClientsNeverFreesALimitedOne() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 1_000);
        drain(buckets, "limited", 0);

        for (int i = 0; i < 10_000; i++) {
            buckets.take("flood-" + i, 0);
            if (i % 100 == 0) {
                assertThat(buckets.take("limited", 0))
                        .as("after %d new clients", i)
                        .isPositive();
            }
        }
        assertThat(buckets.clients()).isEqualTo(1_000);
    }
}
