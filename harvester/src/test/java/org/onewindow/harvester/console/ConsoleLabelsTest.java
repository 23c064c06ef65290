package org.onewindow.harvester.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.store.Notification;

class ConsoleLabelsTest {

    @Test
    void koreanAndEnglishLabelTheSameThings() {
        assertThat(ConsoleLabels.read(ConsoleLabels.Language.EN).keySet())
                .isEqualTo(ConsoleLabels.read(ConsoleLabels.Language.KO).keySet());
    }

    @Test
    void noLabelIsGivenTwice() throws IOException {
        for (ConsoleLabels.Language language : ConsoleLabels.Language.values()) {
            String file = "/console/labels_" + language.tag() + ".properties";
            List<String> keys;
            try (InputStream in = getClass().getResourceAsStream(file)) {
                keys = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> line.substring(0, line.indexOf('=')))
                        .toList();
            }
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyNotificationEventAndDeliveryHasALabel() {
        for (Notification.Event event : Notification.Event.values()) {
            assertThat(ConsoleLabels.of(ConsoleLabels.Language.KO)).containsKey("event." + ConsoleFormats.lower(event));
        }
        for (Notification.Delivery delivery : Notification.Delivery.values()) {
            assertThat(ConsoleLabels.of(ConsoleLabels.Language.KO))
                    .containsKey("delivery." + ConsoleFormats.lower(delivery));
        }
    }

    @Test
    void everyErrorPageStatusHasALabel() {
        for (int status : new int[] {400, 403, 404, 409, 500, 503}) {
            assertThat(ConsoleLabels.of(ConsoleLabels.Language.EN)).containsKey(ConsoleErrorPages.statusKey(status));
        }
    }

    @Test
    void everyLabelATemplateNamesExists() throws IOException {
        Pattern label = Pattern.compile("\\{t\\.([A-Za-z]+)}");
        for (String template : new String[] {
            "console/base",
            "console/sign-in",
            "console/sources",
            "console/source",
            "console/run",
            "console/publishing",
            "console/onboard",
            "console/notifications",
            "console/error",
            "tags/errorTable"
        }) {
            String text;
            try (InputStream in = getClass().getResourceAsStream("/templates/" + template + ".html")) {
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
