package org.onewindow.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mon, 05 Jan 2026 09:30:00 +0900   | 2026-01-05
            Mon, 5 Jan 2026 09:30:00 +0900    | 2026-01-05
            Mon, 05 Jan 2026 09:30 +0900      | 2026-01-05
            05 Jan 2026 09:30:00 +0900        | 2026-01-05
            Tue, 13 Jan 2026 14:00:00 KST     | 2026-01-13
            Tue, 13 Jan 2026 05:00:00 GMT     | 2026-01-13
            Wed, 21 Jan 2026 23:40:00 +0900   | 2026-01-21
            Sun, 01 Mar 2026 00:10:00 -0500   | 2026-03-01
            Fri, 02 Feb 2026 10:00:00 +0900   | 2026-02-02
            2026-01-05 14:30:00               | 2026-01-05
            2026.01.05                        | 2026-01-05
            20260105143000                    | 2026-01-05
            """)
    void readsRfc822DatesAndTheFormsKoreanSitesWrite(String text, LocalDate expected) {
        assertThat(FeedDates.rfc822(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01-05T09:30:00+09:00      | 2026-01-05
            2026-01-05T23:59:59.123+09:00  | 2026-01-05
            2026-01-28T15:00:00Z           | 2026-01-28
            2026-01-28t15:00:00z           | 2026-01-28
            2026-01-28 15:00:00+09:00      | 2026-01-28
            2026-01-05                     | 2026-01-05
            """)
    void readsRfc3339Dates(String text, LocalDate expected) {
        assertThat(FeedDates.rfc3339(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Mon, 31 Feb 2026 10:00:00 +0900",
                "Fri, 31 Apr 2026 10:00:00 +0900",
                "Sun, 29 Feb 2026 10:00:00 +0900",
                "2026.02.30",
                "Mon, 05 Jan 2026 25:00:00 +0900",
                "어제",
                "Mon, 05 Foo 2026 09:30:00 +0900"
            })
    void refusesImpossibleOrUnreadableRfc822Dates(String text) {
        assertThatThrownBy(() -> FeedDates.rfc822(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"2026-02-30T09:00:00+09:00", "2026-13-01T09:00:00Z", "2025-02-29", "2026-01-05T09:00:00+25:00"})
    void refusesImpossibleRfc3339Dates(String text) {
        assertThatThrownBy(() -> FeedDates.rfc3339(text)).isInstanceOf(DateTimeException.class);
    }
}
