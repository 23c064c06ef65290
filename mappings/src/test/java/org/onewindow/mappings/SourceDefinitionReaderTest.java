package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.model.AgencyType;
import org.onewindow.mappings.model.SourceLanguage;
import org.onewindow.mappings.source.FieldRule;
import org.onewindow.mappings.source.Politeness;
import org.onewindow.mappings.source.SourceDefinitionReader;
import org.onewindow.mappings.source.SourceLicence;
import org.onewindow.mappings.source.TargetField;

class SourceDefinitionReaderTest {

    private final SourceDefinitionReader reader = new SourceDefinitionReader();

    /** A minimal valid file; line numbers in the tests below refer to it (licence on line 11, benefits on 15). */
    private static final String VALID = """
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
            licence: {type: KOGL-1, attribution: 보건복지부}
            fields:
              name: title
              summary: summary
              benefits: benefits
            """;

    @Test
    void readsAValidFile() {
        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", VALID);

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.definition().id()).isEqualTo("demo");
        assertThat(result.definition().fields())
                .containsOnlyKeys(TargetField.NAME, TargetField.SUMMARY, TargetField.BENEFITS);
    }

    @Test
    void aSourceSaysNothingOfItsLanguageWritesKorean() {
        assertThat(reader.read("sources/demo.yaml", VALID).definition().language())
                .isEqualTo(SourceLanguage.KO);
    }

    @Test
    void readsASourceInEnglish() {
        String text = VALID.replace("fields:", "language: en\nfields:");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().language()).isEqualTo(SourceLanguage.EN);
    }

    @Test
    void reportsALanguageTheCatalogueDoesNotServeWithItsLine() {
        String text = VALID.replace("fields:", "language: fi\nfields:");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("sources/demo.yaml:12: language 'fi' is not one the catalogue serves (ko or en)");
    }

    @Test
    void aSourceInEnglishMayNotMapTheEnglishRenditionOfAKoreanSource() {
        String text =
                VALID.replace("fields:", "language: en\nfields:").replace("  summary: summary", "  nameEn: title_en");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:15: 'nameEn' is for a Korean source's English text; this source's"
                        + " language is en, so 'name' takes its en text: map it to 'name'");
    }

    @Test
    void reportsAMisspeltTargetFieldWithFileLineAndSuggestion() {
        String text = VALID.replace("  benefits: benefits", "  benfits: benefits");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:15: unknown field 'benfits' (did you mean 'benefits'?)");
    }

    @Test
    void reportsAMisspeltTargetFieldInTheMiddleOfTheFieldsWithItsOwnLine() {
        String text = VALID.replace("  summary: summary", "  sumary: summary");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:14: unknown field 'sumary' (did you mean 'summary'?)");
    }

    @Test
    void reportsAMisspeltTopLevelKeyWithFileLineAndSuggestion() {
        String text = VALID.replace("schedule:", "shedule:");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:10: unknown field 'shedule' (did you mean 'schedule'?)");
    }

    @Test
    void reportsAMisspeltFieldRuleKeyWithFileLineAndSuggestion() {
        String text = VALID.replace("  benefits: benefits", "  benefits:\n    form: benefits");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:16: unknown field 'form' (did you mean 'from'?)");
    }

    @Test
    void reportsAMisspeltKeyOfANestedObjectWithItsLine() {
        String text = VALID.replace("  baseUrl:", "  baseUlr:");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:8: unknown field 'baseUlr' (did you mean 'baseUrl'?)");
    }

    @Test
    void reportsEveryUnknownKeyOfAFile() {
        String text = VALID.replace("schedule:", "shedule:").replace("  benefits: benefits", "  benfits: benefits");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly(
                        "sources/demo.yaml:10: unknown field 'shedule' (did you mean 'schedule'?)",
                        "sources/demo.yaml:15: unknown field 'benfits' (did you mean 'benefits'?)");
    }

    @Test
    void offersNoSuggestionForAKeyUnlikeAnyKnownOne() {
        String text = VALID + "completelyDifferent: 1\n";

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).containsExactly("sources/demo.yaml:16: unknown field 'completelyDifferent'");
    }

    @Test
    void leavesConnectorSettingsToTheConnector() {
        String text = VALID.replace("  settings: {}", "  settings:\n    anything: goes");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().connector().settings().path("anything").asText())
                .isEqualTo("goes");
    }

    @Test
    void defaultsPolitenessWhenTheFileHasNone() {
        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", VALID);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().politeness()).isEqualTo(Politeness.DEFAULT);
    }

    @Test
    void defaultsTheDelayOfAnEmptyPolitenessBlock() {
        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", VALID + "politeness: {}\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().politeness().delayMillis()).isEqualTo(Politeness.DEFAULT_DELAY_MILLIS);
    }

    @Test
    void readsAnExplicitPolitenessDelay() {
        SourceDefinitionReader.Result result =
                reader.read("sources/demo.yaml", VALID + "politeness:\n  delayMillis: 2500\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().politeness().delayMillis()).isEqualTo(2500L);
    }

    @Test
    void reportsAnEmptyRequiredValueWithItsLine() {
        String text = VALID.replace("id: demo", "id:");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("sources/demo.yaml:1: ")
                .contains("null", "\"id\"");
    }

    @Test
    void reportsAnIdThatDoesNotMatchTheFileName() {
        SourceDefinitionReader.Result result = reader.read("sources/other.yaml", VALID);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).containsExactly("sources/other.yaml: id 'demo' must match the file name 'other'");
    }

    @Test
    void reportsAMissingNameMapping() {
        String text = VALID.replace("  name: title\n", "");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).containsExactly("sources/demo.yaml: fields must map 'name'");
    }

    @Test
    void reportsAMissingRequiredTopLevelKey() {
        String text = VALID.replace("schedule: \"0 0 4 * * ?\"\n", "");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("sources/demo.yaml:")
                .contains("schedule");
    }

    private static String withRule(String ruleYaml) {
        return VALID.replace("  benefits: benefits\n", ("benefits:\n" + ruleYaml).indent(2));
    }

    @Test
    void readsTheLicenceAndItsAttribution() {
        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", VALID);

        assertThat(result.definition().licence()).isEqualTo(new SourceLicence("KOGL-1", "보건복지부"));
    }

    @Test
    void readsALicenceNamedByItsKoreanNameAsItsCode() {
        String text = VALID.replace("type: KOGL-1, attribution: 보건복지부", "type: 공공누리 제2유형");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().licence().type()).isEqualTo("KOGL-2");
        assertThat(result.definition().licence().attribution()).isEqualTo("보건복지부");
    }

    @Test
    void reportsAMissingLicence() {
        String text = VALID.replace("licence: {type: KOGL-1, attribution: 보건복지부}\n", "");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .containsExactly(
                        "sources/demo.yaml:1: missing required field 'licence' (e.g. licence: {type: KOGL-1, attribution: 보건복지부})");
    }

    @Test
    void reportsAnUnknownLicenceTypeWithItsLine() {
        String text = VALID.replace("type: KOGL-1", "type: KOGL-5");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith(
                        "sources/demo.yaml:11: unknown licence type 'KOGL-5' (one of KOGL-1, KOGL-2, KOGL-3, KOGL-4, CC-BY-4.0");
    }

    @Test
    void reportsAMisspeltLicenceKeyWithItsLine() {
        String text = VALID.replace("attribution:", "atribution:");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:11: unknown field 'atribution' (did you mean 'attribution'?)");
    }

    @Test
    void readsAnAgencyTypeGivenByItsKoreanName() {
        String text = VALID.replace("type: central", "type: 지방자치단체");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().agency().type()).isEqualTo(AgencyType.LOCAL);
    }

    @Test
    void reportsAnUnknownAgencyTypeWithItsLine() {
        String text = VALID.replace("type: central", "type: ministry");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:5: unknown agency type 'ministry' "
                        + "(one of central, local, public-institution, education-office, or their Korean names)");
    }

    @Test
    void readsEveryTransformOfAFieldRule() {
        String text = VALID.replace("  benefits: benefits\n", """
                  benefits:
                    from: [benefits, 지원내용]
                    split: "||"
                    extract: "^(.*)$"
                    join: ", "
                    default: 없음
                  categories:
                    from: 서비스분야
                    valueMap: service-fields
                  lastModified:
                    from: 수정일시
                    dateFormat: yyyyMMddHHmmss
                  onlineApplicationUrl:
                    from: link
                    absoluteUrl: true
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).isEmpty();
        FieldRule benefits = result.definition().fields().get(TargetField.BENEFITS);
        assertThat(benefits.from()).containsExactly("benefits", "지원내용");
        assertThat(benefits.splitSeparator()).isEqualTo("||");
        assertThat(benefits.joinSeparator()).isEqualTo(", ");
        assertThat(benefits.defaultValue()).isEqualTo("없음");
        assertThat(result.definition().fields().get(TargetField.CATEGORIES).valueMap())
                .isEqualTo("service-fields");
        assertThat(result.definition().fields().get(TargetField.LAST_MODIFIED).dateFormat())
                .isEqualTo("yyyyMMddHHmmss");
        assertThat(result.definition()
                        .fields()
                        .get(TargetField.ONLINE_APPLICATION_URL)
                        .absoluteUrl())
                .isTrue();
    }

    @Test
    void reportsAMisspeltTransformKeyWithItsLine() {
        String text = withRule("  from: benefits\n  valuemap: service-fields\n");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:17: unknown field 'valuemap' (did you mean 'valueMap'?)");
    }

    @Test
    void reportsAnUnknownVocabularyWithItsLineAndTheKnownOnes() {
        String text = VALID.replace("  benefits: benefits\n", """
                  benefits: benefits
                  categories:
                    from: category
                    valueMap: service-field
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly(
                        "sources/demo.yaml:18: unknown vocabulary 'service-field' "
                                + "(did you mean 'service-fields'?) (known: agency-types, audiences, licences, life-events, regions, service-fields, support-types)");
    }

    @Test
    void reportsAVocabularyThatIsNotTheFieldsOwn() {
        String text = VALID.replace("  benefits: benefits\n", """
                  benefits: benefits
                  region:
                    from: area
                    valueMap: audiences
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:18: 'region' maps onto vocabulary regions, not 'audiences'");
    }

    @Test
    void reportsADefaultOutsideTheVocabularyOfACodeField() {
        String text = VALID.replace("  benefits: benefits\n", """
                  benefits: benefits
                  region:
                    from: area
                    default: 아틀란티스
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:18: default '아틀란티스' is not in vocabulary regions");
    }

    @Test
    void reportsAnAliasOfNoTermOfTheRulesVocabularyWithItsLine() {
        String text = VALID.replace("  benefits: benefits\n", """
                  benefits: benefits
                  categories:
                    from: field
                    valueMap: service-fields
                    aliases:
                      신체건강: 보건·의료
                      마음건강: 행복
                  keywords:
                    from: tags
                    aliases:
                      태그: 꼬리표
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly(
                        "sources/demo.yaml:21: alias target '행복' is not in vocabulary service-fields",
                        "sources/demo.yaml:25: aliases name vocabulary terms: 'keywords' maps onto no vocabulary (add"
                                + " valueMap)");
    }

    @Test
    void reportsADateFormatOnAFieldThatHoldsNoDate() {
        String text = withRule("  from: benefits\n  dateFormat: yyyy.MM.dd\n");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly(
                        "sources/demo.yaml:17: dateFormat applies only to date fields (lastModified), not to 'benefits'");
    }

    @Test
    void reportsAnInvalidDateFormatWithItsLine() {
        String text = VALID.replace("  benefits: benefits\n", """
                  benefits: benefits
                  lastModified:
                    from: modified
                    dateFormat: yyyy-MM-bb
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("sources/demo.yaml:18: invalid dateFormat 'yyyy-MM-bb': ");
    }

    @Test
    void reportsADateFormatThatReadsNoDay() {
        String text = VALID.replace("  benefits: benefits\n", """
                  benefits: benefits
                  lastModified:
                    from: modified
                    dateFormat: yyyy-MM
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:18: date format 'yyyy-MM' must read a year, a month and a day");
    }

    @Test
    void reportsAbsoluteUrlOnAFieldThatHoldsNoUrl() {
        String text = withRule("  from: benefits\n  absoluteUrl: true\n");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly(
                        "sources/demo.yaml:17: absoluteUrl applies only to URL fields (onlineApplicationUrl), not to 'benefits'");
    }

    @Test
    void reportsAnInvalidExtractPatternWithItsLine() {
        String text = withRule("  from: benefits\n  extract: \"([0-9]+\"\n");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:17: invalid extract pattern '([0-9]+': Unclosed group");
    }

    @Test
    void reportsEveryProblemOfAFileInLineOrder() {
        String text = VALID.replace("type: KOGL-1", "type: KOGL-9").replace("  benefits: benefits\n", """
                  benefits:
                    form: benefits
                  categories:
                    from: category
                    valueMap: nowhere
                """);

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .extracting(problem -> problem.replaceAll("^(sources/demo.yaml:\\d+):.*$", "$1"))
                .containsExactly("sources/demo.yaml:11", "sources/demo.yaml:16", "sources/demo.yaml:19");
    }
}
