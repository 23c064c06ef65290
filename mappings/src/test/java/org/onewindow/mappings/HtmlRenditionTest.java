package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.SourceDefinition;

/** Formatted text fields keep the sanitised HTML of the raw field that filled them, beside their plain text. */
class HtmlRenditionTest {

    private final SourceDefinition mohw = BundledSources.readAll().stream()
            .filter(file -> file.fileName().endsWith("mohw-welfare.yaml")).findFirst().orElseThrow().result().definition();

    @Test
    void aFormattedFieldCarriesTheHtmlOfTheRawFieldThatFilledIt() {
        ServiceRecord record = new MappingEngine().map(mohw, new RawRecord("WLF1", "https://www.mohw.go.kr/view.do?id=WLF1", Map.of(
                "title", List.of("기초연금"),
                "purpose", List.of("노후 소득 보장"),
                "benefits", List.of("월 최대 349,700원\n부부 20% 감액"),
                "benefits#html", List.of("<ul><li>월 최대 349,700원</li><li>부부 20% 감액</li></ul>")))).record();

        assertThat(record.benefits()).isEqualTo("월 최대 349,700원\n부부 20% 감액");
        assertThat(record.html()).containsExactly(Map.entry("benefits", "<ul><li>월 최대 349,700원</li><li>부부 20% 감액</li></ul>"));
    }

    @Test
    void noHtmlIsKeptWhenTheSourceHasNone() {
        ServiceRecord record = new MappingEngine().map(mohw, new RawRecord("WLF2", "https://www.mohw.go.kr/view.do?id=WLF2", Map.of(
                "title", List.of("아동수당"), "purpose", List.of("아동 양육 부담 경감"), "benefits", List.of("월 10만원")))).record();

        assertThat(record.html()).isEmpty();
    }
}
