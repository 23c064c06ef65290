package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.html.DisplayHtml;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.SourceDefinition;

/** Formatted text fields keep the sanitised HTML of the raw field that filled them, beside their plain text. */
class HtmlRenditionTest {

    private final SourceDefinition mohw = BundledSources.readAll().stream()
            .filter(file -> file.fileName().endsWith("mohw-welfare.yaml"))
            .findFirst()
            .orElseThrow()
            .result()
            .definition();

    @Test
    void aFormattedFieldCarriesTheHtmlOfTheRawFieldThatFilledIt() {
        ServiceRecord record = new MappingEngine()
                .map(
                        mohw,
                        new RawRecord(
                                "WLF1",
                                "https://www.mohw.go.kr/view.do?id=WLF1",
                                Map.of(
                                        "title", List.of("기초연금"),
                                        "purpose", List.of("노후 소득 보장"),
                                        "benefits", List.of("월 최대 349,700원\n부부 20% 감액"),
                                        "benefits#html", List.of("<ul><li>월 최대 349,700원</li><li>부부 20% 감액</li></ul>"))))
                .record();

        assertThat(record.benefits()).isEqualTo("월 최대 349,700원\n부부 20% 감액");
        assertThat(record.html())
                .containsExactly(Map.entry("benefits", "<ul><li>월 최대 349,700원</li><li>부부 20% 감액</li></ul>"));
    }

    @Test
    void aRenditionLeavesTheEngineCleanedWhateverConnectorMadeIt() {
        ServiceRecord record = new MappingEngine()
                .map(
                        mohw,
                        new RawRecord(
                                "WLF3",
                                "https://www.mohw.go.kr/view.do?id=WLF3",
                                Map.of(
                                        "title", List.of("장애인연금"),
                                        "purpose", List.of("장애인의 생활안정"),
                                        "purpose#html",
                                                List.of(
                                                        "<img src=x onerror=alert(1)><p onclick=\"steal()\">장애인의 <a href=\"javascript:alert(1)\">생활안정</a></p>"),
                                        "benefits", List.of("월 최대 43만원"),
                                        "benefits#html", List.of("<script>alert(document.cookie)</script>"),
                                        "howToApply", List.of("방문 신청"),
                                        "howToApply#html",
                                                List.of("<a href=\"/apply.do\" target=\"_blank\">방문 신청</a>"))))
                .record();

        assertThat(record.html()).containsOnlyKeys("description", "howToApply");
        assertThat(record.html().get("description")).isEqualTo("<p>장애인의 <a rel=\"nofollow noopener\">생활안정</a></p>");
        assertThat(record.html().get("howToApply"))
                .isEqualTo("<a href=\"https://www.mohw.go.kr/apply.do\" rel=\"nofollow noopener\">방문 신청</a>");
        assertThat(record.html().values()).allMatch(DisplayHtml::isSafe);
        assertThat(record.benefits()).isEqualTo("월 최대 43만원");
    }

    @Test
    void noHtmlIsKeptWhenTheSourceHasNone() {
        ServiceRecord record = new MappingEngine()
                .map(
                        mohw,
                        new RawRecord(
                                "WLF2",
                                "https://www.mohw.go.kr/view.do?id=WLF2",
                                Map.of(
                                        "title",
                                        List.of("아동수당"),
                                        "purpose",
                                        List.of("아동 양육 부담 경감"),
                                        "benefits",
                                        List.of("월 10만원"))))
                .record();

        assertThat(record.html()).isEmpty();
    }
}
