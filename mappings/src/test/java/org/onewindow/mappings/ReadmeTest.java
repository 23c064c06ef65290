package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.source.FieldRule;
import org.onewindow.mappings.source.TargetField;
import org.onewindow.mappings.vocabulary.Vocabularies;

/** The README is the reference agencies write mapping files from: it must name every key, field and vocabulary. */
class ReadmeTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void documentsEveryFieldRuleKey() throws IOException {
        String readme = readme();

        assertThat(FieldRule.KEYS).allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
    }

    @Test
    void documentsEveryTargetField() throws IOException {
        String readme = readme();

        assertThat(TargetField.keys()).allSatisfy(key -> assertThat(readme).contains("`" + key + "`"));
    }

    @Test
    void documentsEveryVocabulary() throws IOException {
        String readme = readme();

        assertThat(Vocabularies.bundled().names())
                .allSatisfy(name -> assertThat(readme).contains("| `" + name + "` |"));
    }
}
