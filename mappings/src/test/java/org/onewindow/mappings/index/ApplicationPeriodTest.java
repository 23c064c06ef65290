package org.onewindow.mappings.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Application periods as agencies write them (the demo catalogue's own wordings). */
class ApplicationPeriodTest {

    @ParameterizedTest
    @ValueSource(strings = {"상시", "상시신청", "상시 신청", "연중 상시", "상시 (연중 수시 접수)", "상시신청(예산 소진 시 마감)", "상시(임신 확인 후 바로 등록)"})
    void alwaysOpenWordings(String text) {
        assertThat(ApplicationPeriod.parse(text))
                .hasValueSatisfying(period -> assertThat(period.always()).isTrue());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026.03.03. ~ 2026.04.30.|2026-03-03|2026-04-30",
                "2026.02.26. ~ 2027.02.25. (상시 접수)|2026-02-26|2027-02-25",
                "2026-05-27 ~ 2026-12-31|2026-05-27|2026-12-31",
                "2026년 4월 1일 ~ 2026년 4월 30일|2026-04-01|2026-04-30"
            })
    void datedWindows(String text, LocalDate from, LocalDate to) {
        assertThat(ApplicationPeriod.parse(text)).contains(new ApplicationPeriod(false, from, to));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "출생일로부터 1년 이내",
                "매년 1~2월 정기 모집",
                "연 2회 모집(3월, 9월)",
                "이직일 다음 날부터 12개월 이내",
                "",
                "2026.05.01. ~ 2026.04.01."
            })
    void periodsThatDependOnThePersonOrRecurAreNotRead(String text) {
        assertThat(ApplicationPeriod.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2026-01-19,true", "2030-06-01,true", "2026-01-18,false"})
    void anOpenEndedWindowRunsUntilFundsRunOut(LocalDate day, boolean open) {
        assertThat(ApplicationPeriod.parse("2026.01.19. ~ 자금 소진 시까지"))
                .hasValueSatisfying(p -> assertThat(p.openOn(day)).isEqualTo(open));
    }
}
