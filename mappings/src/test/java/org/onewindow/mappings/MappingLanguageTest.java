package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.LocalizedText;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;
import org.onewindow.mappings.url.UrlReferences;

/** The transforms of the mapping language (mappings/README.md), each on a small source. */
class MappingLanguageTest {

    private static final String URL = "https://www.gov.kr/portal/rcvfvrSvc/dtlEx/WII000001?x=1";

    private final MappingEngine engine = new MappingEngine();

    private static SourceDefinition source(String fieldsYaml) {
        return source("licence: {type: KOGL-1, attribution: 행정안전부}", fieldsYaml);
    }

    private static SourceDefinition source(String licenceYaml, String fieldsYaml) {
        String text = """
                id: demo
                agency:
                  code: "1741000"
                  name: 행정안전부
                  type: 중앙행정기관
                %s
                connector:
                  kind: json-api
                  baseUrl: https://api.odcloud.kr
                  settings: {}
                schedule: "0 0 4 * * ?"
                fields:
                  name: 서비스명
                  summary: 서비스목적요약
                """.formatted(licenceYaml) + fieldsYaml.indent(2);
        SourceDefinitionReader.Result result = new SourceDefinitionReader().read("sources/demo.yaml", text);
        assertThat(result.problems()).isEmpty();
        return result.definition();
    }

    private MappingResult map(SourceDefinition source, Map<String, List<String>> fields) {
        Map<String, List<String>> all = new HashMap<>(fields);
        all.put("서비스명", List.of("청년월세 한시 특별지원"));
        all.put("서비스목적요약", List.of("청년의 주거비 부담을 덜어 줍니다."));
        return engine.map(source, new RawRecord("WII000001", URL, all));
    }

    @Test
    void mapsServiceFieldsOntoTheirCanonicalKoreanLabels() {
        SourceDefinition source = source("""
                categories:
                  from: 서비스분야
                  split: "||"
                  valueMap: service-fields
                """);

        MappingResult result = map(source, Map.of("서비스분야", List.of("주거ㆍ자립||보건.의료||주거 · 자립")));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.record().categories()).containsExactly("주거·자립", "보건·의료");
    }

    @Test
    void keepsAValueOutsideTheVocabularyOutOfTheRecordAndWarnsOfIt() {
        SourceDefinition source = source("""
                categories:
                  from: 서비스분야
                  split: "||"
                  valueMap: service-fields
                """);

        MappingResult result = map(source, Map.of("서비스분야", List.of("생활안정||우주항공")));

        assertThat(result.valid()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.record().categories()).containsExactly("생활안정");
        assertThat(result.warnings()).containsExactly("categories: '우주항공' is not in vocabulary service-fields");
    }

    @Test
    void mapsTheSupportTypeOntoItsLabelFromAnAlias() {
        SourceDefinition source = source("""
                supportType:
                  from: 지원유형
                  valueMap: support-types
                """);

        assertThat(map(source, Map.of("지원유형", List.of("현금(융자)"))).record().supportType())
                .isEqualTo("융자");
        assertThat(map(source, Map.of("지원유형", List.of("바우처"))).record().supportType())
                .isEqualTo("이용권");
    }

    @Test
    void storesCodesInCodeFieldsWithoutBeingToldWhichVocabulary() {
        SourceDefinition source = source("""
                audienceCodes:
                  from: 사용자구분
                  split: ","
                lifeEvents:
                  from: 생애주기
                  split: "||"
                  valueMap: life-events
                region: 지역
                """);

        MappingResult result = map(
                source,
                Map.of(
                        "사용자구분", List.of("청년, 저소득"),
                        "생애주기", List.of("청년||주거·이사"),
                        "지역", List.of("42110")));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.record().audienceCodes()).containsExactly("young-adults", "low-income");
        assertThat(result.record().lifeEvents()).containsExactly("young-adulthood", "housing");
        assertThat(result.record().region()).containsExactly("51110");
    }

    @Test
    void warnsOfARegionNameThatDoesNotNameOnePlace() {
        SourceDefinition source = source("region: 지역\n");

        MappingResult result = map(source, Map.of("지역", List.of("중구")));

        assertThat(result.record().region()).isEmpty();
        assertThat(result.warnings()).containsExactly("region: '중구' is not in vocabulary regions");
    }

    @Test
    void mapsTheDefaultThroughTheVocabularyToo() {
        SourceDefinition source = source("""
                region:
                  from: 지역
                  default: 전국
                """);

        assertThat(map(source, Map.of()).record().region()).containsExactly("KR");
    }

    @Test
    void splitsOnTheKoreanApisDoubleBarAndTrimsEveryValue() {
        SourceDefinition source = source("""
                requiredDocuments:
                  from: 구비서류
                  split: "||"
                keywords:
                  from: 키워드
                  split: ","
                """);

        MappingResult result = map(
                source,
                Map.of(
                        "구비서류", List.of(" 신청서||  임대차계약서 사본 || ||통장 사본||"),
                        "키워드", List.of("월세, 청년 ,주거비")));

        assertThat(result.record().requiredDocuments()).containsExactly("신청서", "임대차계약서 사본", "통장 사본");
        assertThat(result.record().keywords()).containsExactly("월세", "청년", "주거비");
    }

    @Test
    void joinsSeveralValuesWithTheSeparator() {
        SourceDefinition source = source("""
                contact:
                  from: 전화문의
                  split: "||"
                  join: " / "
                keywords:
                  from: 키워드
                  join: ", "
                """);

        MappingResult result = map(
                source,
                Map.of(
                        "전화문의", List.of("국토교통부 044-201-3333||주거복지과 1599-0001"),
                        "키워드", List.of("월세", "청년")));

        assertThat(result.record().contact()).isEqualTo("국토교통부 044-201-3333 / 주거복지과 1599-0001");
        assertThat(result.record().keywords()).containsExactly("월세, 청년");
    }

    @Test
    void joinsTextValuesWithALineBreakWhenNoSeparatorIsGiven() {
        SourceDefinition source = source("benefits: 지원내용\n");

        MappingResult result = map(source, Map.of("지원내용", List.of("월 최대 20만원", "최대 12개월")));

        assertThat(result.record().benefits()).isEqualTo("월 최대 20만원\n최대 12개월");
    }

    @Test
    void readsTheKoreanApisTimestampWithADateFormat() {
        SourceDefinition source = source("""
                lastModified:
                  from: 수정일시
                  dateFormat: yyyyMMddHHmmss
                """);

        MappingResult result = map(source, Map.of("수정일시", List.of("20260105093000")));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().lastModified()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void readsTheKoreanApisTimestampWithoutADateFormatToo() {
        SourceDefinition source = source("lastModified: 수정일시\n");

        assertThat(map(source, Map.of("수정일시", List.of("20260105093000")))
                        .record()
                        .lastModified())
                .isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void readsADottedDateWithADateFormatIgnoringWhatFollowsIt() {
        SourceDefinition source = source("""
                lastModified:
                  from: 수정일
                  dateFormat: yyyy.MM.dd
                """);

        MappingResult result = map(source, Map.of("수정일", List.of("2026.03.02.")));

        assertThat(result.record().lastModified()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void reportsADateThatDoesNotFitTheDateFormat() {
        SourceDefinition source = source("""
                lastModified:
                  from: 수정일
                  dateFormat: yyyy.MM.dd
                """);

        MappingResult impossible = map(source, Map.of("수정일", List.of("2026.02.30")));
        MappingResult otherForm = map(source, Map.of("수정일", List.of("2026-03-02")));

        assertThat(impossible.valid()).isFalse();
        assertThat(impossible.problems()).containsExactly("lastModified: unreadable date '2026.02.30'");
        assertThat(otherForm.problems()).containsExactly("lastModified: unreadable date '2026-03-02'");
    }

    @Test
    void resolvesARelativeApplicationLinkAgainstTheRecordUrl() {
        SourceDefinition source = source("""
                onlineApplicationUrl:
                  from: 온라인신청사이트URL
                  absoluteUrl: true
                """);

        assertThat(map(source, Map.of("온라인신청사이트URL", List.of("/apply/start.do?svc=1")))
                        .record()
                        .onlineApplicationUrl())
                .isEqualTo("https://www.gov.kr/apply/start.do?svc=1");
        assertThat(map(source, Map.of("온라인신청사이트URL", List.of("https://www.bokjiro.go.kr/")))
                        .record()
                        .onlineApplicationUrl())
                .isEqualTo("https://www.bokjiro.go.kr/");
    }

    @Test
    void resolvesAQueryOnlyApplicationLinkOnTheRecordsOwnPageAsBrowsersAndConnectorsDo() {
        SourceDefinition source = source("""
                onlineApplicationUrl:
                  from: 온라인신청사이트URL
                  absoluteUrl: true
                """);

        assertThat(map(source, Map.of("온라인신청사이트URL", List.of("?mode=apply")))
                        .record()
                        .onlineApplicationUrl())
                .isEqualTo("https://www.gov.kr/portal/rcvfvrSvc/dtlEx/WII000001?mode=apply")
                .isEqualTo(UrlReferences.resolve(URL, "?mode=apply"));
    }

    @Test
    void leavesOutARelativeApplicationLinkWhenNotToldToResolveIt() {
        SourceDefinition source = source("onlineApplicationUrl: 온라인신청사이트URL\n");

        MappingResult result = map(source, Map.of("온라인신청사이트URL", List.of("/apply/start.do")));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().onlineApplicationUrl()).isNull();
        assertThat(result.warnings())
                .containsExactly(
                        "onlineApplicationUrl: not an absolute http(s) URL: '/apply/start.do' (absoluteUrl: true resolves it against the record URL)");
    }

    @Test
    void leavesOutAScriptLinkEvenWhenResolvingLinks() {
        SourceDefinition source = source("""
                onlineApplicationUrl:
                  from: link
                  absoluteUrl: true
                """);

        MappingResult result = map(source, Map.of("link", List.of("javascript:fn_apply('1')")));

        assertThat(result.record().onlineApplicationUrl()).isNull();
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .startsWith("onlineApplicationUrl: not an absolute http(s) URL");
    }

    @Test
    void readsThePopularityAsAWholeNumber() {
        SourceDefinition source = source("""
                popularity:
                  from: 조회수
                  extract: "([\\\\d,]+)"
                """);

        assertThat(map(source, Map.of("조회수", List.of("1,234회"))).record().popularity())
                .isEqualTo(1234);
        assertThat(map(source, Map.of("조회수", List.of("87"))).record().popularity())
                .isEqualTo(87);
    }

    @Test
    void warnsOfAPopularityThatIsNotANumber() {
        SourceDefinition source = source("popularity: 조회수\n");

        MappingResult result = map(source, Map.of("조회수", List.of("많음")));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().popularity()).isNull();
        assertThat(result.warnings()).containsExactly("popularity: not a whole number: '많음'");
    }

    @Test
    void fillsTheEnglishTextsNextToTheKoreanOnes() {
        SourceDefinition source = source("""
                nameEn: name_en
                summaryEn: summary_en
                description: 서비스목적
                descriptionEn: purpose_en
                """);

        MappingResult result = map(
                source,
                Map.of(
                        "name_en", List.of("Special monthly rent support for young adults"),
                        "summary_en", List.of("Eases young adults' housing costs."),
                        "서비스목적", List.of("청년 주거 안정"),
                        "purpose_en", List.of("Housing stability for young adults")));

        assertThat(result.record().name())
                .isEqualTo(new LocalizedText("청년월세 한시 특별지원", "Special monthly rent support for young adults"));
        assertThat(result.record().summary().en()).isEqualTo("Eases young adults' housing costs.");
        assertThat(result.record().description())
                .isEqualTo(new LocalizedText("청년 주거 안정", "Housing stability for young adults"));
    }

    @Test
    void keepsEveryLegalBasis() {
        SourceDefinition source = source("""
                legalBasis:
                  from: 법령
                  split: "||"
                """);

        MappingResult result = map(source, Map.of("법령", List.of("주거기본법 제3조||청년기본법 제20조")));

        assertThat(result.record().legalBasis()).containsExactly("주거기본법 제3조", "청년기본법 제20조");
    }

    @Test
    void copiesTheSourcesLicenceAndAttributionOntoEveryRecord() {
        MappingResult result = map(source(""), Map.of());

        assertThat(result.record().licence().type()).isEqualTo("KOGL-1");
        assertThat(result.record().licence().name().ko()).isEqualTo("공공누리 제1유형 (출처표시)");
        assertThat(result.record().licence().url()).isEqualTo("https://www.kogl.or.kr/info/licenseType1.do");
        assertThat(result.record().attribution()).isEqualTo("행정안전부");
    }

    @Test
    void attributesToTheAgencyWhenTheLicenceNamesNoOne() {
        SourceDefinition source = source("licence: {type: 공공누리 제4유형}", "");

        MappingResult result = map(source, Map.of());

        assertThat(result.record().licence().type()).isEqualTo("KOGL-4");
        assertThat(result.record().attribution()).isEqualTo("행정안전부");
    }
}
