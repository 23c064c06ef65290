package org.onewindow.harvester.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleLabelsTest {

    @Test
    void koreanAndEnglishLabelTheSameThings() {
        assertThat(ConsoleLabels.read(ConsoleLabels.Language.EN).keySet())
                .isEqualTo(ConsoleLabels.read(ConsoleLabels.Language.KO).keySet());
    }

    @Test
    void everyLabelATemplateNamesExists() throws IOException {
        Pattern label = Pattern.compile("\\{t\\.([A-Za-z]+)}");
        for (String template : new String[] {"base", "sign-in", "sources", "source", "run", "publishing"}) {
            String text;
            try (InputStream in = getClass().getResourceAsStream("/templates/console/" + template + ".html")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher used = label.matcher(text);
            while (used.find()) {
                assertThat(ConsoleLabels.of(ConsoleLabels.Language.KO))
                        .as(template + ".html names {t." + used.group(1) + "}")
                        .containsKey(used.group(1));
            }
        }
    }
}
