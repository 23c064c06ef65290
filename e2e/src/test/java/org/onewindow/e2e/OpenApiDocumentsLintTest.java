package org.onewindow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both OpenAPI documents, as the apps built them ({@code target/openapi/openapi.yaml}), pass Redocly's recommended
 * rules with no error, no warning and nothing ignored ({@code .redocly.yaml}; the CLI pinned in
 * {@code tools/openapi-lint}, installed by this module's build with {@code npm ci}).
 */
class OpenApiDocumentsLintTest {

    private static final Path REPO = Path.of(System.getProperty("onewindow.repo-root", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    void bothApiDocumentsPassRedoclysRecommendedRulesWithoutAWarning() throws Exception {
        Path redocly = REPO.resolve("tools/openapi-lint/node_modules/.bin/redocly");
        assertThat(redocly)
                .as("installed by npm ci in tools/openapi-lint (this module's build does it)")
                .exists();
        for (String app : List.of("catalogue-api", "harvester")) {
            assertThat(REPO.resolve(app + "/target/openapi/openapi.yaml"))
                    .as("written by the " + app + " build")
                    .exists();
        }
        Process lint = new ProcessBuilder(redocly.toString(), "lint", "--config", ".redocly.yaml", "--format=json")
                .directory(REPO.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).isTrue();

        List<JsonNode> perApi = new ArrayList<>();
        try (MappingIterator<JsonNode> reports =
                new ObjectMapper().readerFor(JsonNode.class).readValues(report)) {
            reports.forEachRemaining(perApi::add);
        }
        assertThat(perApi).as(report).hasSize(2).allSatisfy(api -> {
            assertThat(api.path("problems")).as(describe(api)).isEmpty();
            assertThat(api.path("totals").path("errors").asInt()).isZero();
            assertThat(api.path("totals").path("warnings").asInt()).isZero();
            assertThat(api.path("totals").path("ignored").asInt())
                    .as("no problem is hidden in an ignore file")
                    .isZero();
        });
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void noProblemIsKeptInAnIgnoreFile() throws IOException {
        try (var files = Files.list(REPO)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".redocly.lint-ignore.yaml");
        }
    }

    private static String describe(JsonNode api) {
        StringBuilder text = new StringBuilder();
        api.path("problems")
                .forEach(problem -> text.append('\n')
                        .append(problem.path("severity").asText())
                        .append(' ')
                        .append(problem.path("ruleId").asText())
                        .append(": ")
                        .append(problem.path("message").asText())
                        .append(" at ")
                        .append(problem.path("location").path(0).path("pointer").asText()));
        return text.toString();
    }
}
