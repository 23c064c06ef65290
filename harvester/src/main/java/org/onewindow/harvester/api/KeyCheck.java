package org.onewindow.harvester.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.onewindow.harvester.config.HarvesterConfig;

/** Who a presented key stands for: the bootstrap operator key of the configuration, or a key an operator issued. */
@ApplicationScoped
public class KeyCheck {

    @Inject
    HarvesterConfig config;

    @Inject
    ApiKeys keys;

    public Optional<Caller> caller(String presented) {
        if (MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8),
                config.operator().key().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Caller.BOOTSTRAP);
        }
        return keys.caller(presented);
    }
}
