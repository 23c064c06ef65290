package org.onewindow.harvester.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.quartz.CronExpression;

/**
 * What an operator sets for one source beyond its mapping file; a setting left out (null) is not set, and the
 * configuration's {@code onewindow.sources.<id>.*} or the mapping file's value applies. Stored with the source and with
 * each of its versions, so every change says who made it, when and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Settings of a source beyond its mapping file; a setting left out is not set")
public record SourceSettings(
        @Schema(description = "Another origin for the source (a mirror, a test double): absolute http(s) URL")
        String baseUrl,

        @Schema(description = "Milliseconds between two requests to the source's site (0 to 600000)")
        Long delayMillis,

        @Schema(description = "Quartz cron schedule, e.g. `0 0 3 * * ?`")
        String schedule,

        @Schema(description = "Let the source fetch from loopback and private addresses (an intranet mirror)")
        Boolean allowPrivateNetworks,

        @Schema(
                description =
                        "The ONEWINDOW_SECRET_* environment variables the source may read (sent only to its host)")
        List<String> secrets,

        @Schema(description = "Share of the source's services (0 to 1) a run may change before it is held for review")
        Double reviewThreshold,

        @Schema(description = "ISO-8601 duration one record may take before it is abandoned, e.g. PT30S")
        String recordTimeout,

        @Schema(
                description = "Let a mapping an agency wrote name other agencies as its records' competent authority"
                        + " (an aggregator such as 정부24)")
        Boolean publishesForOthers) {

    public static final SourceSettings NONE = new SourceSettings(null, null, null, null, null, null, null, null);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final long LONGEST_DELAY_MILLIS = 600_000;

    /** A setting that is not right, named as in the JSON body. */
    public record Problem(String setting, String message) {}

    /** Settings as sent in a request body, or the problem that stops them being read. */
    public record Read(SourceSettings settings, Problem problem) {}

    /** Reads a request body: unknown settings are a problem, never ignored (a typo must not pass for a change). */
    public static Read read(String json) {
        if (json == null || json.isBlank()) {
            return new Read(null, new Problem("body", "a JSON object of settings, e.g. {\"delayMillis\": 1000}"));
        }
        try {
            SourceSettings settings = JSON.readValue(json, SourceSettings.class);
            return settings == null
                    ? new Read(null, new Problem("body", "a JSON object of settings, not null"))
                    : new Read(settings, null);
        } catch (UnrecognizedPropertyException e) {
            return new Read(
                    null,
                    new Problem(
                            e.getPropertyName(),
                            "no such setting; the settings are baseUrl, delayMillis, schedule, allowPrivateNetworks,"
                                    + " secrets, reviewThreshold, recordTimeout, publishesForOthers"));
        } catch (JsonProcessingException e) {
            String path = e instanceof JsonMappingException mapping
                            && !mapping.getPath().isEmpty()
                    ? mapping.getPath().get(0).getFieldName()
                    : "body";
            return new Read(null, new Problem(path, "not readable: " + e.getOriginalMessage()));
        }
    }

    /** The settings as stored (written by {@link #json()}); what cannot be read any more counts as not set. */
    public static SourceSettings stored(String json) {
        Read read = read(json);
        return read.settings() == null ? NONE : read.settings();
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with the values, each naming its setting; empty when they can all work. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (baseUrl != null && !httpUrl(baseUrl)) {
            problems.add(new Problem("baseUrl", "must be an absolute http or https URL, not '" + baseUrl + "'"));
        }
        if (delayMillis != null && (delayMillis < 0 || delayMillis > LONGEST_DELAY_MILLIS)) {
            problems.add(new Problem("delayMillis", "must be 0 to " + LONGEST_DELAY_MILLIS + ", not " + delayMillis));
        }
        if (schedule != null && !CronExpression.isValidExpression(schedule)) {
            problems.add(new Problem(
                    "schedule",
                    "'" + schedule + "' is not a Quartz cron expression (seconds first, e.g. 0 0 3 * * ?)"));
        }
        if (secrets != null) {
            for (String secret : secrets) {
                if (secret == null || !secret.matches(SourceSecrets.PREFIX + "[A-Z0-9_]+")) {
                    problems.add(new Problem(
                            "secrets", "'" + secret + "' is not a " + SourceSecrets.PREFIX + "* variable name"));
                }
            }
        }
        if (reviewThreshold != null && !(reviewThreshold >= 0 && reviewThreshold <= 1)) {
            problems.add(new Problem("reviewThreshold", "must be a share from 0 to 1, not " + reviewThreshold));
        }
        if (recordTimeout != null) {
            Duration timeout = duration(recordTimeout);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                problems.add(new Problem(
                        "recordTimeout",
                        "must be a positive ISO-8601 duration such as PT30S, not '" + recordTimeout + "'"));
            }
        }
        return problems;
    }

    /** The record timeout set, or null (call only on settings without {@link #problems()}). */
    public Duration recordTimeoutDuration() {
        return recordTimeout == null ? null : duration(recordTimeout);
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
