package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.mappings.model.AgencyType;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;
import org.onewindow.mappings.vocabulary.Vocabulary;

class VocabulariesTest {

    private static final Path FOLDER = Path.of("src/main/resources/vocabularies");
    private static final Vocabularies VOCABULARIES = Vocabularies.bundled();

    static List<Path> vocabularyFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static Vocabulary vocabulary(String name) {
        return VOCABULARIES.get(name);
    }

    private static String codeOf(String vocabulary, String value) {
        return vocabulary(vocabulary).resolve(value).map(Term::code).orElse(null);
    }

    @Test
    void vocabulariesListNamesExactlyTheYamlFilesInTheFolder() throws IOException {
        List<String> onDisk =
                vocabularyFiles().stream().map(p -> p.getFileName().toString()).toList();

        assertThat(Vocabularies.fileNames()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(VOCABULARIES.names())
                .containsExactlyInAnyOrder(
                        "service-fields",
                        "support-types",
                        "audiences",
                        "life-events",
                        "agency-types",
                        "regions",
                        "licences");
    }

    /** Read straight from the file, not through {@link Vocabulary}, so that its own checks are not the ones tested. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vocabularyFiles")
    void everyVocabularyFileHasUniqueCodesAndEverySpellingResolvesToItsOwnTerm(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        String name = file.getFileName().toString().replace(".yaml", "");
        assertThat(root.path("name").asText()).isEqualTo(name);
        Vocabulary vocabulary = vocabulary(name);

        List<String> codes = new ArrayList<>();
        for (JsonNode term : root.path("terms")) {
            String code = term.path("code").asText();
            codes.add(code);
            assertThat(term.path("ko").asText()).as(code).isNotBlank();
            assertThat(term.path("en").asText()).as(code).isNotBlank();
            List<String> spellings = new ArrayList<>(
                    List.of(code, term.path("ko").asText(), term.path("en").asText()));
            term.path("aliases").forEach(alias -> spellings.add(alias.asText()));
            for (String spelling : spellings) {
                assertThat(vocabulary.resolve(spelling).map(Term::code))
                        .as(name + ": '" + spelling + "'")
                        .contains(code);
            }
        }
        assertThat(codes).as(name).isNotEmpty().doesNotHaveDuplicates();
        assertThat(vocabulary.terms()).extracting(Term::code).containsExactlyElementsOf(codes);
    }

    @Test
    void resolvesEveryServiceFieldAndSupportTypeOfTheDemoSite() {
        assertThat(Stream.of(
                        "생활안정", "주거·자립", "보육·교육", "고용·창업", "보건·의료", "보호·돌봄", "서민금융", "문화·환경", "임신·출산", "행정·안전",
                        "농림축산어업"))
                .allSatisfy(label -> assertThat(vocabulary(Vocabularies.SERVICE_FIELDS)
                                .resolve(label)
                                .map(Term::ko))
                        .contains(label));
        assertThat(Stream.of("현금", "현물", "서비스", "이용권", "감면", "융자", "기타"))
                .allSatisfy(label -> assertThat(vocabulary(Vocabularies.SUPPORT_TYPES)
                                .resolve(label)
                                .map(Term::ko))
                        .contains(label));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(
            delimiterString = "|",
            value = {
                "보건·의료 | health-medical",
                "보건ㆍ의료 | health-medical",
                "보건.의료 | health-medical",
                "보건/의료 | health-medical",
                "보건 · 의료 | health-medical",
                "'  보건・의료  ' | health-medical",
                "HEALTH AND MEDICAL CARE | health-medical",
                "Health-Medical | health-medical",
                "생활안정. | livelihood"
            })
    void resolvesSeparatorCaseAndSpaceVariantsOfALabel(String value, String code) {
        assertThat(codeOf(Vocabularies.SERVICE_FIELDS, value)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "11, 11",
        "서울, 11",
        "서울특별시, 11",
        "36, 36",
        "세종특별자치시, 36",
        "50, 50",
        "제주, 50",
        "42, 51",
        "강원도, 51",
        "강원특별자치도, 51",
        "45, 52",
        "전라북도, 52",
        "전북특별자치도, 52",
        "11110, 11110",
        "종로구, 11110",
        "서울 중구, 11140",
        "강남구, 11680",
        "해운대구, 26350",
        "36110, 36110",
        "수원시, 41110",
        "42110, 51110",
        "춘천시, 51110",
        "45110, 52110",
        "전주시, 52110",
        "전국, KR"
    })
    void resolvesRegionsByCurrentAndRetiredAdministrativeCodesAndNames(String value, String code) {
        assertThat(codeOf(Vocabularies.REGIONS, value)).isEqualTo(code);
    }

    @Test
    void listsTheSeventeenProvinceLevelRegionsByTheirCurrentCodes() {
        assertThat(vocabulary(Vocabularies.REGIONS).terms())
                .extracting(Term::code)
                .filteredOn(code -> code.matches("\\d{2}"))
                .containsExactlyInAnyOrder(
                        "11", "26", "27", "28", "29", "30", "31", "36", "41", "43", "44", "46", "47", "48", "50", "51",
                        "52");
    }

    @Test
    void leavesADistrictNameSharedByTwoCitiesUnresolved() {
        assertThat(vocabulary(Vocabularies.REGIONS).resolve("중구")).isEmpty();
        assertThat(codeOf(Vocabularies.REGIONS, "부산 중구")).isEqualTo("26110");
    }

    @Test
    void agencyTypeCodesAreThoseOfTheAgencyTypeEnum() {
        assertThat(vocabulary(Vocabularies.AGENCY_TYPES).terms())
                .extracting(Term::code)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(AgencyType.values()).map(AgencyType::code).toList());
        assertThat(AgencyType.of("중앙행정기관")).isEqualTo(AgencyType.CENTRAL);
        assertThat(AgencyType.of("교육청")).isEqualTo(AgencyType.EDUCATION_OFFICE);
        assertThat(AgencyType.of("public-institution")).isEqualTo(AgencyType.PUBLIC_INSTITUTION);
    }

    @Test
    void everyLicenceHasTheUrlOfItsText() {
        assertThat(vocabulary(Vocabularies.LICENCES).terms())
                .extracting(Term::code)
                .contains("KOGL-1", "KOGL-2", "KOGL-3", "KOGL-4", "CC-BY-4.0");
        assertThat(vocabulary(Vocabularies.LICENCES).terms())
                .allSatisfy(term -> assertThat(term.url()).as(term.code()).startsWith("https://"));
        assertThat(codeOf(Vocabularies.LICENCES, "공공누리 제1유형")).isEqualTo("KOGL-1");
    }

    @Test
    void reportsTheValuesThatAreNotInTheVocabulary() {
        Vocabulary.Resolution resolution =
                vocabulary(Vocabularies.AUDIENCES).resolveAll(List.of("노인", "어르신", "우주인", "장애인"));

        assertThat(resolution.terms())
                .extracting(Term::code)
                .containsExactly("older-people", "people-with-disabilities");
        assertThat(resolution.unknown()).containsExactly("우주인");
    }

    @Test
    void refusesAVocabularyWithADuplicateCode() {
        assertThatThrownBy(
                        () -> new Vocabulary("demo", "demo", List.of(new Term("a", "가", "A"), new Term("a", "나", "B"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code 'a' is used twice");
    }

    @Test
    void refusesAVocabularyWhereOneSpellingNamesTwoTerms() {
        List<Term> terms =
                List.of(new Term("a", "가", "A", List.of("공통"), null), new Term("b", "나", "B", List.of("공 통"), null));

        assertThatThrownBy(() -> new Vocabulary("demo", "demo", terms))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'공 통' names both a and b");
    }

    @Test
    void refusesAVocabularyFileWhoseNameIsNotItsFileName() {
        String yaml = "name: other\ntitle: t\nterms:\n  - {code: a, ko: 가, en: A}\n";

        assertThatThrownBy(() -> Vocabulary.parse("demo", yaml)).hasMessageContaining("names itself 'other'");
    }

    @Test
    void refusesAVocabularyFileWithAnUnknownTermKey() {
        String yaml = "name: demo\ntitle: t\nterms:\n  - {code: a, ko: 가, en: A, alias: [x]}\n";

        assertThatThrownBy(() -> Vocabulary.parse("demo", yaml)).hasMessageContaining("alias");
    }
}
