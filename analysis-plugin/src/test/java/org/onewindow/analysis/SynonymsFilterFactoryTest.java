package org.onewindow.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The synonym lists we maintain must build (every rule analysable without holes), in both languages. */
class SynonymsFilterFactoryTest {

    @Test
    void everyBundledKoreanRuleBuilds() {
        List<String> rules = SynonymsFilterFactory.bundled("ko");
        assertThat(rules)
                .hasSizeGreaterThan(15)
                .anySatisfy(rule -> assertThat(rule).startsWith("청년, 젊은이"));
        assertThat(SynonymsFilterFactory.build(rules, "ko").fst).isNotNull();
    }

    @Test
    void everyBundledEnglishRuleBuilds() {
        assertThat(SynonymsFilterFactory.build(SynonymsFilterFactory.bundled("en"), "en").fst)
                .isNotNull();
    }

    @Test
    void aRuleTheAnalyzerCannotKeepWholeIsRefusedWithItsLine() {
        assertThatThrownBy(() -> SynonymsFilterFactory.build(List.of("청년, 젊은이", "각 부처, 전 부처"), "ko"))
                .hasMessageContaining("line 2");
    }
}
