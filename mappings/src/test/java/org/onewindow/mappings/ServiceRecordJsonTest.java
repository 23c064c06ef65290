package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.SourceDefinitionReader;

/** The record as the store and the index see it: camelCase names, ISO dates, codes and labels as decided. */
class ServiceRecordJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static ServiceRecord youthRent() {
        var source = new SourceDefinitionReader().read("sources/demo.yaml", """
                id: demo
                agency: {code: "1613000", name: 국토교통부, type: central}
                licence: {type: KOGL-1}
                connector: {kind: json-api, baseUrl: "https://api.odcloud.kr", settings: {}}
                schedule: "0 0 4 * * ?"
                fields:
                  name: 서비스명
                  summary: 서비스목적요약
                  supportType: {from: 지원유형, valueMap: support-types}
                  categories: {from: 서비스분야, valueMap: service-fields}
                  audienceCodes: {from: 사용자구분, split: "||"}
                  region: {from: 지역, default: 전국}
                  onlineApplicationUrl: {from: 온라인신청사이트URL, absoluteUrl: true}
                  lastModified: {from: 수정일시, dateFormat: yyyyMMddHHmmss}
                  popularity: 조회수
                """).definition();
        return new MappingEngine()
                .map(
                        source,
                        new RawRecord(
                                "1",
                                "https://www.gov.kr/svc/1",
                                Map.of(
                                        "서비스명", List.of("청년월세 한시 특별지원"),
                                        "서비스목적요약", List.of("청년의 주거비 부담 완화"),
                                        "지원유형", List.of("현금"),
                                        "서비스분야", List.of("주거ㆍ자립"),
                                        "사용자구분", List.of("청년||저소득층"),
                                        "온라인신청사이트URL", List.of("/apply"),
                                        "수정일시", List.of("20260105093000"),
                                        "조회수", List.of("1,024"))))
                .record();
    }

    @Test
    void writesLabelsForDisplayFieldsAndCodesForCodeFieldsUnderCamelCaseNames() throws Exception {
        JsonNode json = JSON.valueToTree(youthRent());

        assertThat(json.path("supportType").asText()).isEqualTo("현금");
        assertThat(json.path("categories").get(0).asText()).isEqualTo("주거·자립");
        assertThat(json.path("audienceCodes"))
                .extracting(JsonNode::asText)
                .containsExactly("young-adults", "low-income");
        assertThat(json.path("region")).extracting(JsonNode::asText).containsExactly("KR");
        assertThat(json.path("onlineApplicationUrl").asText()).isEqualTo("https://www.gov.kr/apply");
        assertThat(json.path("lastModified").asText()).isEqualTo("2026-01-05");
        assertThat(json.path("popularity").asInt()).isEqualTo(1024);
        assertThat(json.path("licence").path("type").asText()).isEqualTo("KOGL-1");
        assertThat(json.path("licence").path("name").path("en").asText())
                .startsWith("Korea Open Government Licence Type 1");
        assertThat(json.path("attribution").asText()).isEqualTo("국토교통부");
    }

    @Test
    void writesHtmlRenditionsInKeyOrderSoTheJsonIsTheSameInEveryJvm() throws Exception {
        ServiceRecord record = youthRent();
        Map<String, String> html = new LinkedHashMap<>();
        for (String field : List.of("summary", "benefits", "howToApply", "eligibility", "description", "contact")) {
            html.put(field, "<p>" + field + "</p>");
        }
        ServiceRecord withHtml = new ServiceRecord(
                record.id(),
                record.sourceId(),
                record.sourceRecordId(),
                record.url(),
                record.language(),
                record.name(),
                record.summary(),
                record.description(),
                record.supportType(),
                record.audience(),
                record.audienceCodes(),
                record.eligibility(),
                record.benefits(),
                record.howToApply(),
                record.onlineApplicationUrl(),
                record.applicationPeriod(),
                record.requiredDocuments(),
                record.competentAuthority(),
                record.contact(),
                record.categories(),
                record.lifeEvents(),
                record.keywords(),
                record.region(),
                record.legalBasis(),
                record.lastModified(),
                record.popularity(),
                record.licence(),
                record.attribution(),
                html);

        List<String> written = new ArrayList<>();
        JSON.readTree(JSON.writeValueAsString(withHtml))
                .path("html")
                .fieldNames()
                .forEachRemaining(written::add);

        assertThat(written)
                .containsExactly("benefits", "contact", "description", "eligibility", "howToApply", "summary");
    }

    @Test
    void leavesEmptyFieldsOut() {
        JsonNode json = JSON.valueToTree(youthRent());

        assertThat(json.has("lifeEvents")).isFalse();
        assertThat(json.has("keywords")).isFalse();
        assertThat(json.has("legalBasis")).isFalse();
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        ServiceRecord record = youthRent();

        assertThat(JSON.readValue(JSON.writeValueAsString(record), ServiceRecord.class))
                .isEqualTo(record);
    }
}
