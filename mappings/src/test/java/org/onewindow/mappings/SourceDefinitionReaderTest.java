package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.source.Politeness;
import org.onewindow.mappings.source.SourceDefinitionReader;
import org.onewindow.mappings.source.TargetField;

class SourceDefinitionReaderTest {

    private final SourceDefinitionReader reader = new SourceDefinitionReader();

    /** A minimal valid file; line numbers in the tests below refer to it. */
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
        assertThat(result.definition().fields()).containsOnlyKeys(TargetField.NAME, TargetField.SUMMARY, TargetField.BENEFITS);
    }

    @Test
    void reportsAMisspeltTargetFieldWithFileLineAndSuggestion() {
        String text = VALID.replace("  benefits: benefits", "  benfits: benefits");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:14: unknown field 'benfits' (did you mean 'benefits'?)");
    }

    @Test
    void reportsAMisspeltTargetFieldInTheMiddleOfTheFieldsWithItsOwnLine() {
        String text = VALID.replace("  summary: summary", "  sumary: summary");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems())
                .containsExactly("sources/demo.yaml:13: unknown field 'sumary' (did you mean 'summary'?)");
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
                .containsExactly("sources/demo.yaml:15: unknown field 'form' (did you mean 'from'?)");
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

        assertThat(result.problems()).containsExactly(
                "sources/demo.yaml:10: unknown field 'shedule' (did you mean 'schedule'?)",
                "sources/demo.yaml:14: unknown field 'benfits' (did you mean 'benefits'?)");
    }

    @Test
    void offersNoSuggestionForAKeyUnlikeAnyKnownOne() {
        String text = VALID + "completelyDifferent: 1\n";

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).containsExactly("sources/demo.yaml:15: unknown field 'completelyDifferent'");
    }

    @Test
    void leavesConnectorSettingsToTheConnector() {
        String text = VALID.replace("  settings: {}", "  settings:\n    anything: goes");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().connector().settings().path("anything").asText()).isEqualTo("goes");
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
        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", VALID + "politeness:\n  delayMillis: 2500\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().politeness().delayMillis()).isEqualTo(2500L);
    }

    @Test
    void reportsAnEmptyRequiredValueWithItsLine() {
        String text = VALID.replace("id: demo", "id:");

        SourceDefinitionReader.Result result = reader.read("sources/demo.yaml", text);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("sources/demo.yaml:1: ")
                .contains("null", "\"id\"");
    }

    @Test
    void reportsAnIdThatDoesNotMatchTheFileName() {
        SourceDefinitionReader.Result result = reader.read("sources/other.yaml", VALID);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .containsExactly("sources/other.yaml: id 'demo' must match the file name 'other'");
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
        assertThat(result.problems()).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("sources/demo.yaml:")
                .contains("schedule");
    }
}
