package org.onewindow.harvester.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.harvester.store.RunStatus.FAILED;
import static org.onewindow.harvester.store.RunStatus.PARTIAL;
import static org.onewindow.harvester.store.RunStatus.SUCCEEDED;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceHealthTest {

    private static final String HOURLY = "0 0 * * * ?";
    /** 2026-12-02 12:30 in this JVM's zone: half past an hourly schedule's fire time. */
    private static final Instant NOW =
            ZonedDateTime.of(2026, 12, 2, 12, 30, 0, 0, ZoneId.systemDefault()).toInstant();

    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(30));

    @Test
    void isRedWhenItsLastThreeCompletedRunsFailedOrEndedPartial() {
        SourceHealth health = SourceHealth.of(
                true, HOURLY, LONG_AGO, List.of(FAILED, PARTIAL, FAILED, SUCCEEDED), NOW.minusSeconds(60), NOW);

        assertThat(health.red()).isTrue();
        assertThat(health.failing()).isTrue();
        assertThat(health.stale()).isFalse();
        assertThat(health.reasons()).containsExactly("its last 3 runs failed or ended partial");
    }

    @Test
    void oneSuccessAmongTheLastThreeKeepsItGreen() {
        SourceHealth health =
                SourceHealth.of(true, HOURLY, LONG_AGO, List.of(FAILED, SUCCEEDED, FAILED), NOW.minusSeconds(60), NOW);

        assertThat(health.state()).isEqualTo(SourceHealth.State.GREEN);
        assertThat(health.reasons()).isEmpty();
    }

    @Test
    void twoFailuresAreNotYetThree() {
        assertThat(SourceHealth.of(true, HOURLY, LONG_AGO, List.of(FAILED, FAILED), NOW.minusSeconds(60), NOW)
                        .red())
                .isFalse();
    }

    @Test
    void isRedWhenNoRunSucceededWithinTwiceTheIntervalOfItsLastTwoFireTimes() {
        Instant lastSuccess = NOW.minus(Duration.ofHours(2)).minusSeconds(1);

        SourceHealth stale = SourceHealth.of(true, HOURLY, LONG_AGO, List.of(SUCCEEDED), lastSuccess, NOW);
        SourceHealth fresh =
                SourceHealth.of(true, HOURLY, LONG_AGO, List.of(SUCCEEDED), lastSuccess.plusSeconds(2), NOW);

        assertThat(stale.red()).isTrue();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.staleAfter()).isEqualTo(lastSuccess.plus(Duration.ofHours(2)));
        assertThat(fresh.red()).isFalse();
    }

    @Test
    void aSourceThatNeverSucceededIsJudgedFromWhenItWasAdded() {
        assertThat(SourceHealth.of(true, HOURLY, NOW.minus(Duration.ofMinutes(90)), List.of(), null, NOW)
                        .red())
                .isFalse();
        assertThat(SourceHealth.of(true, HOURLY, NOW.minus(Duration.ofHours(3)), List.of(), null, NOW)
                        .reasons())
                .singleElement()
                .asString()
                .startsWith("never succeeded in twice its schedule's interval (PT1H)");
    }

    @Test
    void aDailyScheduleAllowsTwoDaysAndAWeekdayScheduleItsLastGap() {
        Instant monday = ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneId.systemDefault())
                .toInstant();

        assertThat(ScheduleIntervals.lastInterval("0 0 4 * * ?", NOW)).contains(Duration.ofDays(1));
        assertThat(ScheduleIntervals.lastInterval("0 0 4 ? * MON-FRI", monday))
                .as("Friday 04:00 to Monday 04:00")
                .contains(Duration.ofDays(3));
    }

    @Test
    void aWeekdaySourceIsNotLateOnASundayButIsOnceTwoWeekdayRunsWereMissed() {
        String weekdays = "0 0 9 ? * MON-FRI";
        Instant friday = ZonedDateTime.of(2026, 11, 27, 9, 5, 0, 0, ZoneId.systemDefault())
                .toInstant();
        Instant sunday = ZonedDateTime.of(2026, 11, 29, 10, 0, 0, 0, ZoneId.systemDefault())
                .toInstant();
        Instant tuesday = ZonedDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneId.systemDefault())
                .toInstant();

        assertThat(SourceHealth.of(true, weekdays, LONG_AGO, List.of(SUCCEEDED), friday, sunday)
                        .red())
                .as("Thursday to Friday is a day, but no run was due since Friday")
                .isFalse();
        SourceHealth missedTwo = SourceHealth.of(true, weekdays, LONG_AGO, List.of(SUCCEEDED), friday, tuesday);
        assertThat(missedTwo.stale())
                .as("Monday's and Tuesday's runs are missing")
                .isTrue();
        assertThat(missedTwo.staleAfter())
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneId.systemDefault())
                        .toInstant());
    }

    @Test
    void aYearlyScheduleStillHasAnInterval() {
        assertThat(ScheduleIntervals.lastInterval("0 0 4 1 1 ?", NOW)).isPresent();
    }

    @Test
    void aDisabledSourceIsNeitherRedNorGreen() {
        SourceHealth health = SourceHealth.of(false, HOURLY, LONG_AGO, List.of(FAILED, FAILED, FAILED), null, NOW);

        assertThat(health.state()).isEqualTo(SourceHealth.State.DISABLED);
        assertThat(health.nextRun()).isNull();
    }

    @Test
    void itsNextRunIsTheSchedulesNextFireTime() {
        assertThat(SourceHealth.of(true, HOURLY, LONG_AGO, List.of(SUCCEEDED), NOW, NOW)
                        .nextRun())
                .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }
}
