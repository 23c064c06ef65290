package org.onewindow.harvester.source;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The settings a source runs with, each resolved from the first place that sets it: an operator through the API, the
 * configuration ({@code onewindow.sources.<id>.*}, or {@code onewindow.harvest.*} for every source), the mapping
 * file, or the harvester's default. {@code from} says which, per setting.
 */
public record EffectiveSettings(
        String baseUrl,
        long delayMillis,
        String schedule,
        boolean allowPrivateNetworks,
        Set<String> secrets,
        double reviewThreshold,
        Duration recordTimeout,
        boolean publishesForOthers,
        Map<String, String> from) {

    public static final String API = "api";
    public static final String CONFIGURATION = "configuration";
    public static final String MAPPING = "mapping";
    public static final String DEFAULT = "default";

    /** What a refusal of a private address tells the operator, for this source. */
    public static String howToAllowPrivateNetworks(String sourceId) {
        return "an operator allows it with PUT /api/v1/sources/" + sourceId
                + "/settings {\"allowPrivateNetworks\": true}";
    }
}
