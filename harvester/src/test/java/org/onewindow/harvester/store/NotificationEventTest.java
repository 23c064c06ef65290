package org.onewindow.harvester.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationEventTest {

    private Locale machine;

    @BeforeEach
    void onATurkishMachine() {
        machine = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(machine);
    }

    @Test
    void eventNamesOnTheWireDoNotDependOnTheMachinesLocale() {
        assertThat(Notification.Event.PUBLISH_LAGGING.wireName()).isEqualTo("publish.lagging");
        assertThat(Arrays.stream(Notification.Event.values()).map(Notification.Event::wireName))
                .containsExactly("run.held", "source.red", "source.recovered", "publish.lagging", "publish.caught_up")
                .allMatch(name -> name.matches("[a-z_.]+"));
    }
}
