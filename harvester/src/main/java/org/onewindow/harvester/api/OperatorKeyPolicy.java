package org.onewindow.harvester.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.onewindow.harvester.config.HarvesterConfig;

/** The harvester does not start with an operator key short enough to guess. */
@ApplicationScoped
public class OperatorKeyPolicy {

    public static final int MIN_LENGTH = 32;

    void checkAtStart(@Observes @Priority(1) StartupEvent event, HarvesterConfig config) {
        check(config.operator().key());
    }

    /** @throws IllegalStateException naming the setting and how to make a good key */
    public static void check(String key) {
        if (key == null || key.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "the operator key (onewindow.operator.key, ONEWINDOW_OPERATOR_KEY) must be at least "
                            + MIN_LENGTH + " characters, got "
                            + (key == null ? 0 : key.strip().length())
                            + "; make one with: openssl rand -base64 32");
        }
    }
}
