package org.onewindow.harvester.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressCadenceTest {

    private final AtomicLong now = new AtomicLong(42);
    private final ProgressCadence cadence = new ProgressCadence(now::get, Duration.ofMillis(500));

    @Test
    void aRunWritesItsProgressAtItsFirstRecordThenOncePerIntervalHoweverManyRecordsGo() {
        assertThat(cadence.due()).as("first record").isTrue();
        int writes = 0;
        for (int record = 0; record < 10_000; record++) {
            now.addAndGet(Duration.ofMillis(1).toNanos()); // a thousand records a second
            if (cadence.due()) {
                writes++;
            }
        }
        assertThat(writes).as("10 s of records, one write per 500 ms").isEqualTo(20);
    }

    @Test
    void aRunWhoseRecordsAreSlowWritesAtEveryRecord() {
        for (int record = 0; record < 5; record++) {
            assertThat(cadence.due()).isTrue();
            now.addAndGet(Duration.ofSeconds(2).toNanos());
        }
    }
}
