package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.mappings.model.ServiceRecord;

class ServiceIndexTest {

    private static final JsonNode PROPERTIES = properties();

    private static JsonNode properties() {
        try {
            return new ObjectMapper()
                    .readTree(ServiceIndex.definitionJson())
                    .path("mappings")
                    .path("properties");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mapsEveryFieldOfTheCommonSchemaPlusTheDerivedSearchFields() {
        List<String> fields = new ArrayList<>(Arrays.stream(ServiceRecord.class.getRecordComponents())
                .map(c -> c.getName())
                .toList());
        fields.addAll(List.of("applicationWindow", "applicationAlwaysOpen", "channels"));

        assertThat(PROPERTIES.properties())
                .extracting(entry -> entry.getKey())
                .containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void theIndexedDocumentCarriesTheApplicationWindowReadFromThePeriod() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var dated = json.readTree(
                ServiceIndex.indexDocument(json, "{\"id\":\"a\",\"applicationPeriod\":\"2026.03.03. ~ 2026.04.30.\"}"));
        var always = json.readTree(ServiceIndex.indexDocument(json, "{\"id\":\"b\",\"applicationPeriod\":\"상시신청\"}"));
        var unknown = json.readTree(
                ServiceIndex.indexDocument(json, "{\"id\":\"c\",\"applicationPeriod\":\"출생일로부터 1년 이내\"}"));

        assertThat(dated.path("applicationWindow").path("gte").asText()).isEqualTo("2026-03-03");
        assertThat(dated.path("applicationWindow").path("lte").asText()).isEqualTo("2026-04-30");
        assertThat(always.path("applicationAlwaysOpen").asBoolean()).isTrue();
        assertThat(unknown.has("applicationWindow") || unknown.has("applicationAlwaysOpen"))
                .isFalse();
        assertThat(dated.path("applicationPeriod").asText())
                .as("the record itself is untouched")
                .isEqualTo("2026.03.03. ~ 2026.04.30.");
    }

    @Test
    void theIndexedDocumentCarriesTheChannelsReadFromTheRecordsTexts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String record = "{\"id\":\"a\",\"howToApply\":\"주민센터 방문 신청\",\"contact\":\"어르신복지과 02-2133-8353\"}";

        JsonNode document = json.readTree(ServiceIndex.indexDocument(json, record));
        JsonNode none = json.readTree(ServiceIndex.indexDocument(json, "{\"id\":\"b\"}"));

        assertThat(document.path("channels").toString())
                .isEqualTo("[{\"type\":\"phone\",\"phone\":\"02-2133-8353\",\"label\":\"어르신복지과\"},"
                        + "{\"type\":\"in-person\",\"description\":\"주민센터 방문 신청\"}]");
        assertThat(none.path("channels").isArray() && none.path("channels").isEmpty())
                .as("always there, empty when none")
                .isTrue();
        assertThat(PROPERTIES.path("channels").path("enabled").asBoolean(true))
                .as("stored for the detail, not searched")
                .isFalse();
    }

    @Test
    void mapsCodesAndKeywordsForExactFilteringAndFacets() {
        for (String field : List.of("keywords", "audienceCodes", "lifeEvents", "region", "categories", "supportType")) {
            assertThat(PROPERTIES.path(field).path("type").asText()).as(field).isEqualTo("keyword");
            assertThat(PROPERTIES.path(field).has("index")).as(field).isFalse();
        }
        assertThat(PROPERTIES
                        .path("licence")
                        .path("properties")
                        .path("type")
                        .path("type")
                        .asText())
                .isEqualTo("keyword");
    }

    @Test
    void storesLinksWithoutIndexingThem() {
        assertThat(PROPERTIES.path("onlineApplicationUrl").path("type").asText())
                .isEqualTo("keyword");
        assertThat(PROPERTIES.path("onlineApplicationUrl").path("index").asBoolean(true))
                .isFalse();
        assertThat(PROPERTIES
                        .path("licence")
                        .path("properties")
                        .path("url")
                        .path("index")
                        .asBoolean(true))
                .isFalse();
    }

    @Test
    void analysesTheLegalBasisAsKoreanTextAndCountsPopularityAsAnInteger() {
        assertThat(PROPERTIES.path("legalBasis").path("type").asText()).isEqualTo("text");
        assertThat(PROPERTIES.path("legalBasis").path("analyzer").asText()).isEqualTo("korean");
        assertThat(PROPERTIES.path("popularity").path("type").asText()).isEqualTo("integer");
    }
}
