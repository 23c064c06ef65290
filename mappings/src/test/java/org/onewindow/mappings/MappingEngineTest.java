package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.AgencyType;
import org.onewindow.mappings.model.CompetentAuthority;
import org.onewindow.mappings.model.Licence;
import org.onewindow.mappings.model.LocalizedText;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;

class MappingEngineTest {

    private static final String URL = "http://127.0.0.1:8089/portal/svc/view.do?menuNo=200123&svcId=WLF00000101";

    private final MappingEngine engine = new MappingEngine();

    private static SourceDefinition mohwWelfare() {
        return BundledSources.readAll().stream()
                .filter(file -> file.fileName().equals("sources/mohw-welfare.yaml"))
                .findFirst()
                .orElseThrow()
                .result()
                .definition();
    }

    /** The raw fields the HTML connector extracts from the 기초연금 page (view-table-WLF00000101.html). */
    private static Map<String, List<String>> basicPension() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("title", List.of("기초연금"));
        fields.put("summary", List.of("65세 이상 어르신에게 기초연금을 지급하여 안정적인 노후 소득 기반을 마련합니다."));
        fields.put("category", List.of("생활안정"));
        fields.put("supportType", List.of("현금"));
        fields.put("purpose", List.of("노후 소득이 부족한 어르신의 생활 안정을 지원하고 복지를 증진하기 위해 매월 기초연금을 지급합니다."));
        fields.put("audience", List.of("만 65세 이상이고 대한민국 국적을 가진 국내 거주 어르신"));
        fields.put("criteria", List.of("가구의 소득인정액이 선정기준액 이하인 경우\n2026년 선정기준액: 단독가구 월 247만원, 부부가구 월 395만 2천원"));
        fields.put("benefits", List.of("단독가구 기준 월 최대 349,700원 지급\n부부가 모두 수급하는 경우 각각 20% 감액"));
        fields.put("howToApply", List.of("주민등록상 주소지 읍면동 행정복지센터 방문 신청\n복지로(www.bokjiro.go.kr) 온라인 신청"));
        fields.put("deadline", List.of("만 65세 생일이 속한 달의 1개월 전부터 신청 가능"));
        fields.put("documents", List.of("사회보장급여 신청(변경)서", "소득·재산 신고서", "금융정보 등 제공 동의서", "신분증", "통장 사본"));
        fields.put("authority", List.of("보건복지부 기초연금과"));
        fields.put("contact", List.of("기초연금과 044-202-3216"));
        fields.put("modified", List.of("2026-01-05"));
        return fields;
    }

    private static RawRecord raw(Map<String, List<String>> fields) {
        return new RawRecord("WLF00000101", URL, fields);
    }

    private static Map<String, List<String>> without(Map<String, List<String>> fields, String... names) {
        Map<String, List<String>> copy = new HashMap<>(fields);
        for (String name : names) {
            copy.remove(name);
        }
        return copy;
    }

    /** A small source whose {@code fields:} block is given. */
    private static SourceDefinition sourceWithFields(String fieldsYaml) {
        String text = """
                id: demo
                agency:
                  code: "1352000"
                  name: 보건복지부
                  type: central
                connector:
                  kind: html
                  baseUrl: http://localhost:8089
                  settings: {}
                schedule: "0 0 4 * * ?"
                licence:
                  type: KOGL-1
                fields:
                """ + fieldsYaml.indent(2);
        SourceDefinitionReader.Result result = new SourceDefinitionReader().read("sources/demo.yaml", text);
        assertThat(result.problems()).isEmpty();
        return result.definition();
    }

    @Test
    void mapsTheBasicPensionPageToTheCommonSchema() {
        MappingResult result = engine.map(mohwWelfare(), raw(basicPension()));

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.record())
                .isEqualTo(new ServiceRecord(
                        "mohw-welfare~WLF00000101",
                        "mohw-welfare",
                        "WLF00000101",
                        URL,
                        null,
                        new LocalizedText("기초연금", null),
                        new LocalizedText("65세 이상 어르신에게 기초연금을 지급하여 안정적인 노후 소득 기반을 마련합니다.", null),
                        new LocalizedText("노후 소득이 부족한 어르신의 생활 안정을 지원하고 복지를 증진하기 위해 매월 기초연금을 지급합니다.", null),
                        "현금",
                        "만 65세 이상이고 대한민국 국적을 가진 국내 거주 어르신",
                        List.of(),
                        "가구의 소득인정액이 선정기준액 이하인 경우\n2026년 선정기준액: 단독가구 월 247만원, 부부가구 월 395만 2천원",
                        "단독가구 기준 월 최대 349,700원 지급\n부부가 모두 수급하는 경우 각각 20% 감액",
                        "주민등록상 주소지 읍면동 행정복지센터 방문 신청\n복지로(www.bokjiro.go.kr) 온라인 신청",
                        null,
                        "만 65세 생일이 속한 달의 1개월 전부터 신청 가능",
                        List.of("사회보장급여 신청(변경)서", "소득·재산 신고서", "금융정보 등 제공 동의서", "신분증", "통장 사본"),
                        new CompetentAuthority("1352000", "보건복지부", AgencyType.CENTRAL, "기초연금과"),
                        "기초연금과 044-202-3216",
                        List.of("생활안정"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        LocalDate.of(2026, 1, 5),
                        null,
                        new Licence(
                                "KOGL-1",
                                new LocalizedText(
                                        "공공누리 제1유형 (출처표시)", "Korea Open Government Licence Type 1 (attribution)"),
                                "https://www.kogl.or.kr/info/licenseType1.do"),
                        "보건복지부",
                        Map.of()));
    }

    /** A source writing in English: its texts are English whatever field they fill, and its records say so. */
    private static final String ENGLISH_SOURCE = """
            id: seoul-permits-en
            agency: {code: "6110000", name: Seoul Metropolitan Government, type: local}
            connector: {kind: html, baseUrl: "https://english.seoul.go.kr", settings: {}}
            schedule: "0 0 4 * * ?"
            licence: {type: KOGL-1}
            language: en
            fields:
              name: title
              summary: summary
              keywords: {from: tags, split: ","}
            """;

    @Test
    void aSourceInEnglishFillsTheEnglishSideOfItsTextsAndMarksItsRecords() {
        SourceDefinition source = new SourceDefinitionReader()
                .read("sources/seoul-permits-en.yaml", ENGLISH_SOURCE)
                .definition();
        Map<String, List<String>> fields = Map.of(
                "title", List.of("Business Registration for Foreigners"),
                "summary", List.of("How foreign residents register a business in Seoul."),
                "tags", List.of("business, registration"));

        MappingResult result = engine.map(source, new RawRecord("BR-1", "https://english.seoul.go.kr/br/1", fields));

        assertThat(result.problems()).isEmpty();
        assertThat(result.record().name()).isEqualTo(new LocalizedText(null, "Business Registration for Foreigners"));
        assertThat(result.record().summary())
                .isEqualTo(new LocalizedText(null, "How foreign residents register a business in Seoul."));
        assertThat(result.record().language()).isEqualTo("en");
        assertThat(result.record().keywords()).containsExactly("business", "registration");
    }

    @Test
    void aKoreanSourcesRecordsCarryNoLanguageSoTheirStoredFormIsUnchanged() {
        MappingResult result = engine.map(mohwWelfare(), raw(basicPension()));

        assertThat(result.record().language()).isNull();
        assertThat(result.record().name()).isEqualTo(new LocalizedText("기초연금", null));
    }

    @Test
    void extractsTheDepartmentFromTheAuthorityText() {
        ServiceRecord record = engine.map(mohwWelfare(), raw(basicPension())).record();

        assertThat(record.competentAuthority().department()).isEqualTo("기초연금과");
        assertThat(record.competentAuthority().name()).isEqualTo("보건복지부");
    }

    @Test
    void leavesTheDepartmentEmptyWhenTheAuthorityNamesNoDepartment() {
        Map<String, List<String>> fields = basicPension();
        fields.put("authority", List.of("보건복지부 (세종)"));

        MappingResult result = engine.map(mohwWelfare(), raw(fields));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().competentAuthority().department()).isNull();
    }

    @Test
    void parsesTheDottedKoreanDateFormat() {
        Map<String, List<String>> fields = basicPension();
        fields.put("modified", List.of("2026.03.02."));

        MappingResult result = engine.map(mohwWelfare(), raw(fields));

        assertThat(result.record().lastModified()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(result.valid()).isTrue();
    }

    @Test
    void reportsAnUnreadableDate() {
        Map<String, List<String>> fields = basicPension();
        fields.put("modified", List.of("수시"));

        MappingResult result = engine.map(mohwWelfare(), raw(fields));

        assertThat(result.record().lastModified()).isNull();
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).containsExactly("lastModified: unreadable date '수시'");
    }

    @Test
    void reportsAnImpossibleDateInsteadOfShiftingIt() {
        Map<String, List<String>> fields = basicPension();
        fields.put("modified", List.of("2026-02-30"));

        MappingResult result = engine.map(mohwWelfare(), raw(fields));

        assertThat(result.record().lastModified()).isNull();
        assertThat(result.problems()).containsExactly("lastModified: unreadable date '2026-02-30'");
    }

    @Test
    void reportsARecordWithoutName() {
        MappingResult result = engine.map(mohwWelfare(), raw(without(basicPension(), "title")));

        assertThat(result.valid()).isFalse();
        assertThat(result.record().name()).isNull();
        assertThat(result.problems()).containsExactly("name: missing");
    }

    @Test
    void treatsABlankNameAsMissing() {
        Map<String, List<String>> fields = basicPension();
        fields.put("title", List.of("  "));

        MappingResult result = engine.map(mohwWelfare(), raw(fields));

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).containsExactly("name: missing");
    }

    @Test
    void reportsARecordWithoutSummaryOrDescription() {
        MappingResult result = engine.map(mohwWelfare(), raw(without(basicPension(), "summary", "purpose")));

        assertThat(result.valid()).isFalse();
        assertThat(result.record().summary()).isNull();
        assertThat(result.record().description()).isNull();
        assertThat(result.problems()).containsExactly("description: missing (neither summary nor description)");
    }

    @Test
    void reportsARecordWhoseUrlIsNotHttp() {
        RawRecord record = new RawRecord("WLF00000101", "javascript:fn_view('WLF00000101','N');", basicPension());

        MappingResult result = engine.map(mohwWelfare(), record);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems())
                .containsExactly("url: not an absolute http(s) URL: 'javascript:fn_view('WLF00000101','N');'");
    }

    @Test
    void reportsARecordWithARelativeUrl() {
        RawRecord record = new RawRecord("WLF00000101", "/portal/svc/view.do?svcId=WLF00000101", basicPension());

        MappingResult result = engine.map(mohwWelfare(), record);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().asString().startsWith("url: ");
    }

    @Test
    void fallsBackToThePurposeWhenTheSummaryIsMissing() {
        MappingResult result = engine.map(mohwWelfare(), raw(without(basicPension(), "summary")));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().summary())
                .isEqualTo(new LocalizedText("노후 소득이 부족한 어르신의 생활 안정을 지원하고 복지를 증진하기 위해 매월 기초연금을 지급합니다.", null));
    }

    @Test
    void fallsBackToThePurposeWhenTheSummaryIsBlank() {
        Map<String, List<String>> fields = basicPension();
        fields.put("summary", List.of(" "));

        MappingResult result = engine.map(mohwWelfare(), raw(fields));

        assertThat(result.record().summary().ko()).startsWith("노후 소득이 부족한");
    }

    @Test
    void aRecordNamingItsOwnAgencyAsAuthorityKeepsTheAgencyCode() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                authorityName: authority
                """);

        MappingResult own = engine.map(
                source,
                new RawRecord(
                        "1",
                        URL,
                        Map.of("title", List.of("기초연금"), "summary", List.of("요약"), "authority", List.of("보건 복지부"))));
        MappingResult other = engine.map(
                source,
                new RawRecord(
                        "2",
                        URL,
                        Map.of("title", List.of("청년수당"), "summary", List.of("요약"), "authority", List.of("서울특별시"))));

        assertThat(own.record().competentAuthority().code()).isEqualTo("1352000");
        assertThat(other.record().competentAuthority().code()).isNull();
        assertThat(other.record().competentAuthority().name()).isEqualTo("서울특별시");
    }

    @Test
    void anAuthorityCodeFieldGivesTheCodeOfTheAuthorityARecordNames() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                authorityName: authority
                authorityCode: authorityCode
                """);

        MappingResult result = engine.map(
                source,
                new RawRecord(
                        "1",
                        URL,
                        Map.of(
                                "title", List.of("청년수당"),
                                "summary", List.of("요약"),
                                "authority", List.of("서울특별시"),
                                "authorityCode", List.of("6110000"))));

        assertThat(result.record().competentAuthority())
                .extracting(CompetentAuthority::code, CompetentAuthority::name)
                .containsExactly("6110000", "서울특별시");
    }

    @Test
    void theGov24MappingGivesEachServiceTheCodeOfTheAuthorityItNames() {
        SourceDefinition gov24 = BundledSources.readAll().stream()
                .filter(file -> file.fileName().equals("sources/gov24-api.yaml"))
                .findFirst()
                .orElseThrow()
                .result()
                .definition();

        MappingResult result = engine.map(
                gov24,
                new RawRecord(
                        "1",
                        "https://www.gov.kr/portal/rcvfvrSvc/dtlEx/1",
                        Map.of(
                                "서비스명", List.of("청년수당"),
                                "서비스목적요약", List.of("요약"),
                                "소관기관명", List.of("서울특별시"),
                                "소관기관코드", List.of("6110000"))));

        assertThat(result.record().competentAuthority().code()).isEqualTo("6110000");
    }

    @Test
    void mergeTakesTheValuesOfEveryRawFieldOnceAndAliasesAreTheSourcesOwnWordsForTerms() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                keywords:
                  from: [tags, topics]
                  merge: true
                categories:
                  from: field
                  valueMap: service-fields
                  aliases:
                    신체건강: 보건·의료
                """);

        MappingResult result = engine.map(
                source,
                new RawRecord(
                        "1",
                        URL,
                        Map.of(
                                "title", List.of("검진"),
                                "summary", List.of("요약"),
                                "tags", List.of("건강", "검진"),
                                "topics", List.of("검진", "노인"),
                                "field", List.of("신체건강"))));

        assertThat(result.record().keywords()).containsExactly("건강", "검진", "노인");
        assertThat(result.record().categories()).containsExactly("보건·의료");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aRawFieldOfSeveralValuesFillingAFieldOfOneIsWarnedAbout() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                """);

        MappingResult result = engine.map(
                source, new RawRecord("1", URL, Map.of("title", List.of("기초연금", "노인 복지"), "summary", List.of("요약"))));

        assertThat(result.warnings())
                .containsExactly("name: 2 values for a field of one (joined by line breaks): add join, or an extract or"
                        + " split that leaves one");
    }

    @Test
    void usesTheDefaultWhenNoRawFieldHasAValue() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                supportType:
                  from: [supportType, kind]
                  default: 현금
                """);

        MappingResult result =
                engine.map(source, new RawRecord("1", URL, Map.of("title", List.of("기초연금"), "summary", List.of("요약"))));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().supportType()).isEqualTo("현금");
    }

    @Test
    void prefersARawValueOverTheDefault() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                supportType:
                  from: [supportType, kind]
                  default: 현금
                """);

        MappingResult result = engine.map(
                source,
                new RawRecord(
                        "1", URL, Map.of("title", List.of("기초연금"), "summary", List.of("요약"), "kind", List.of("이용권"))));

        assertThat(result.record().supportType()).isEqualTo("이용권");
    }

    @Test
    void splitsAValueIntoSeveralOnTheSeparator() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                requiredDocuments:
                  from: documents
                  split: "||"
                categories:
                  from: category
                  split: '\\n'
                """);

        MappingResult result = engine.map(
                source,
                new RawRecord(
                        "1",
                        URL,
                        Map.of(
                                "title", List.of("기초연금"),
                                "summary", List.of("요약"),
                                "documents", List.of("신청서 || 신분증||||통장 사본 "),
                                "category", List.of("생활안정\n노인"))));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().requiredDocuments()).containsExactly("신청서", "신분증", "통장 사본");
        assertThat(result.record().categories()).containsExactly("생활안정", "노인");
    }

    @Test
    void keepsOnlyTheExtractedPartOfAValue() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                contact:
                  from: contact
                  extract: "\\\\d{2,4}-\\\\d{3,4}-\\\\d{4}"
                """);

        MappingResult result = engine.map(
                source,
                new RawRecord(
                        "1",
                        URL,
                        Map.of(
                                "title",
                                List.of("기초연금"),
                                "summary",
                                List.of("요약"),
                                "contact",
                                List.of("기초연금과 044-202-3216 (평일)"))));

        assertThat(result.record().contact()).isEqualTo("044-202-3216");
    }

    @Test
    void namesTheSourceAgencyAsAuthorityUnlessTheRecordNamesAnother() {
        SourceDefinition source = sourceWithFields("""
                name: title
                summary: summary
                authorityName: authority
                """);

        ServiceRecord own = engine.map(
                        source, new RawRecord("1", URL, Map.of("title", List.of("t"), "summary", List.of("s"))))
                .record();
        ServiceRecord other = engine.map(
                        source,
                        new RawRecord(
                                "1",
                                URL,
                                Map.of("title", List.of("t"), "summary", List.of("s"), "authority", List.of("국민연금공단"))))
                .record();

        assertThat(own.competentAuthority())
                .isEqualTo(new CompetentAuthority("1352000", "보건복지부", AgencyType.CENTRAL, null));
        assertThat(other.competentAuthority())
                .isEqualTo(new CompetentAuthority(null, "국민연금공단", AgencyType.CENTRAL, null));
    }

    /** Every 서비스분야 and 지원유형 the demo agency site (local-runtime demo-sites/mohw/services.json) uses. */
    @Test
    void mapsEveryServiceFieldAndSupportTypeOfTheDemoSiteOntoItsVocabularyWithoutWarnings() {
        List<String> fields = List.of("생활안정", "주거·자립", "보육·교육", "고용·창업", "보건·의료", "보호·돌봄", "서민금융", "문화·환경", "임신·출산");
        List<String> supportTypes = List.of("현금", "현물", "서비스", "이용권", "감면", "융자");

        for (int i = 0; i < Math.max(fields.size(), supportTypes.size()); i++) {
            Map<String, List<String>> raw = basicPension();
            String field = fields.get(i % fields.size());
            String supportType = supportTypes.get(i % supportTypes.size());
            raw.put("category", List.of(field));
            raw.put("supportType", List.of(supportType));

            MappingResult result = engine.map(mohwWelfare(), raw(raw));

            assertThat(result.warnings()).as(field + " / " + supportType).isEmpty();
            assertThat(result.record().categories()).containsExactly(field);
            assertThat(result.record().supportType()).isEqualTo(supportType);
        }
    }

    @Test
    void keepsAMohwRecordWithAnUnknownCategoryPublishableAndSaysWhatWasLeftOut() {
        Map<String, List<String>> fields = basicPension();
        fields.put("category", List.of("연금"));

        MappingResult result = engine.map(mohwWelfare(), raw(fields));

        assertThat(result.valid()).isTrue();
        assertThat(result.record().categories()).isEmpty();
        assertThat(result.warnings()).containsExactly("categories: '연금' is not in vocabulary service-fields");
    }
}
