package org.onewindow.mappings.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.model.RawRecord;

/**
 * Extract rules read a value on a budget proportional to its length, so a catastrophic or quadratic pattern stops
 * deterministically (characters read are counted, not time), as an error naming the rule.
 */
class ExtractBudgetTest {

    private static final String URL = "https://www.mohw.go.kr/view.do?id=WLF1";
    /** Value shapes a harvested field may take, built to a length. */
    private static final Map<String, IntFunction<String>> SHAPES = Map.of(
            "one long word", length -> "가".repeat(length),
            "one long word ending like a department", length -> "가".repeat(length - 1) + "과",
            "many words", length -> "보건복지부 복지정책과 ".repeat(length / 12 + 1).substring(0, length),
            "many labelled lines",
                    length -> "지원대상: 만 65세 이상\n".repeat(length / 15 + 1).substring(0, length),
            "labels without values", length -> "라벨: ".repeat(length / 4 + 1).substring(0, length));

    private static SourceDefinition source(String extract) {
        String text = """
                id: demo
                agency: {code: "1352000", name: 보건복지부, type: central}
                licence: {type: KOGL-1}
                connector: {kind: html, baseUrl: "https://www.mohw.go.kr", settings: {}}
                schedule: "0 0 4 * * ?"
                fields:
                  name: title
                  summary: purpose
                  description:
                    from: purpose
                    extract: '%s'
                """.formatted(extract);
        SourceDefinitionReader.Result result = new SourceDefinitionReader().read("sources/demo.yaml", text);
        assertThat(result.problems()).isEmpty();
        return result.definition();
    }

    @Test
    void aCatastrophicPatternRunsOutOfBudgetAsAnErrorNamingTheRule() {
        SourceDefinition source = source("^(a+)+$");
        RawRecord raw = new RawRecord(
                "WLF1", URL, Map.of("title", List.of("기초연금"), "purpose", List.of("a".repeat(100_000) + "!")));

        assertThatThrownBy(() -> new MappingEngine().map(source, raw))
                .isInstanceOf(ExtractBudgetExceededException.class)
                .hasMessageContaining("description")
                .hasMessageContaining("'^(a+)+$'")
                .hasMessageContaining("100001-character value");
    }

    @Test
    void aLinearPatternReadsAMillionCharactersWithinBudget() {
        FieldRule rule = new FieldRule(
                List.of("authority"),
                null,
                null,
                Pattern.compile("(?<!\\S)(\\S+(?:과|팀|센터))$"),
                null,
                null,
                false,
                null);

        assertThat(rule.apply("가".repeat(999_990) + " 보건복지부 기초연금과")).isEqualTo("기초연금과");
    }

    @Test
    void aPatternRecursingPastTheStackIsAnErrorNamingTheRuleToo() {
        SourceDefinition source = source("(a|b)*c");
        RawRecord raw =
                new RawRecord("WLF1", URL, Map.of("title", List.of("기초연금"), "purpose", List.of("a".repeat(1_000_000))));

        assertThatThrownBy(() -> new MappingEngine().map(source, raw))
                .isInstanceOf(ExtractBudgetExceededException.class)
                .hasMessageStartingWith(
                        "description: extract pattern '(a|b)*c' recursed too deeply on a 1000000-character value");
    }

    @Test
    void everyBundledExtractRuleReadsInProportionToTheValue() {
        List<FieldRule> rules = BundledSources.readAll().stream()
                .flatMap(file -> file.result().definition().fields().values().stream())
                .filter(rule -> rule.extract() != null)
                .toList();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);

        for (FieldRule rule : rules) {
            SHAPES.forEach((shape, value) -> {
                long small = reads(rule.extract(), value.apply(10_000));
                long large = reads(rule.extract(), value.apply(1_000_000));
                // 100 times the characters: a linear pattern reads about 100 times more, a quadratic one 10,000 times
                assertThat(large).as("%s on %s", rule.extract(), shape).isLessThanOrEqualTo(small * 200);
            });
        }
    }

    @Test
    void theRewrittenDepartmentPatternsExtractWhatTheQuadraticOnesDid() {
        Map<String, String> rewritten = Map.of(
                "([^\\s]+(과|팀|국|실|센터|단))$", "(?<!\\S)(\\S+(?:과|팀|국|실|센터|단))$",
                "([^\\s]+(과|팀|관|국|실|센터|단))$", "(?<!\\S)(\\S+(?:과|팀|관|국|실|센터|단))$");
        List<String> values = List.of(
                "보건복지부 기초연금과",
                "서울특별시 종로구 가족정책과",
                "보건복지부",
                "과",
                "센터",
                "고객센터",
                "국민연금공단  고객센터",
                "보건복지부\t인구정책실",
                "서울특별시 복지정책관",
                "청년정책팀 ",
                "가족과 함께",
                "a과b과",
                "보건복지부 기초연금과(044-202-3000)",
                "보건복지부 사회서비스일자리정책과\n서울특별시 돌봄정책단");

        rewritten.forEach((quadratic, linear) ->
                values.forEach(value -> assertThat(group1(Pattern.compile(linear), value))
                        .as("%s on '%s'", linear, value)
                        .isEqualTo(group1(Pattern.compile(quadratic), value))));
        List<String> bundled = BundledSources.readAll().stream()
                .flatMap(file -> file.result().definition().fields().values().stream())
                .filter(rule -> rule.extract() != null)
                .map(rule -> rule.extract().pattern())
                .toList();
        assertThat(bundled).doesNotContainAnyElementsOf(rewritten.keySet()).containsAll(rewritten.values());
    }

    private static String group1(Pattern pattern, String value) {
        Matcher m = pattern.matcher(value);
        return m.find() ? m.group(1) : null;
    }

    /** Characters the pattern reads finding its match in the value; fails past the value's extract budget. */
    private static long reads(Pattern pattern, String value) {
        long budget = FieldRule.extractBudget(value.length());
        BudgetedText text = new BudgetedText(value, budget);
        try {
            pattern.matcher(text).find();
        } catch (BudgetedText.Exhausted e) {
            fail("%s read more than %d characters of a %d-character value", pattern, budget, value.length());
        }
        return text.reads();
    }
}
