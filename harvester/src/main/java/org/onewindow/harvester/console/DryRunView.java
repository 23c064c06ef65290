package org.onewindow.harvester.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the onboarding page shows of a dry-run's answer (the API's JSON, secrets already masked). */
public record DryRunView(
        String sourceId,
        String kind,
        int listingPagesRead,
        int listed,
        boolean listingComplete,
        int recordsTried,
        List<Tried> records,
        List<Error> errors,
        List<String> notes,
        Diff diff) {

    /** A record tried: its id, address, name as mapped, and whether it could be published. */
    public record Tried(
            String sourceRecordId,
            String url,
            String name,
            boolean publishable,
            List<String> problems,
            List<String> warnings) {}

    public record Error(String stage, String url, String recordId, String message) {}

    public record Updated(String sourceRecordId, List<String> fields) {}

    /** @param noLongerListed null when the dry-run could not tell (see note) */
    public record Diff(
            List<String> added,
            List<Updated> updated,
            int unchanged,
            List<String> noLongerListed,
            int withdrawnAfterMisses,
            String note) {

        /** Whether the dry-run could tell what the listing no longer names (an empty list is false in a template). */
        public boolean toldWhatGoes() {
            return noLongerListed != null;
        }
    }

    static DryRunView of(JsonNode report) {
        List<Tried> records = new ArrayList<>();
        for (JsonNode record : report.path("records")) {
            JsonNode name = record.path("record").path("name");
            records.add(new Tried(
                    record.path("sourceRecordId").asText(),
                    text(record.path("url")),
                    name.hasNonNull("ko") ? name.path("ko").asText() : text(name.path("en")),
                    record.path("publishable").asBoolean(),
                    texts(record.path("problems")),
                    texts(record.path("warnings"))));
        }
        List<Error> errors = new ArrayList<>();
        for (JsonNode error : report.path("errors")) {
            errors.add(new Error(
                    error.path("stage").asText(),
                    text(error.path("url")),
                    text(error.path("recordId")),
                    error.path("message").asText()));
        }
        return new DryRunView(
                report.path("sourceId").asText(),
                report.path("kind").asText(),
                report.path("listingPagesRead").asInt(),
                report.path("listed").asInt(),
                report.path("listingComplete").asBoolean(),
                report.path("recordsTried").asInt(),
                records,
                errors,
                texts(report.path("notes")),
                diff(report.path("diff")));
    }

    private static Diff diff(JsonNode diff) {
        if (!diff.isObject()) {
            return null;
        }
        List<Updated> updated = new ArrayList<>();
        for (JsonNode record : diff.path("updated")) {
            updated.add(new Updated(record.path("sourceRecordId").asText(), texts(record.path("fields"))));
        }
        return new Diff(
                texts(diff.path("added")),
                updated,
                diff.path("unchanged").asInt(),
                // the API leaves empty lists out: without a note saying it could not tell, none is no longer listed
                diff.path("noLongerListed").isArray() || !diff.hasNonNull("note")
                        ? texts(diff.path("noLongerListed"))
                        : null,
                diff.path("withdrawnAfterMisses").asInt(),
                text(diff.path("note")));
    }

    public long publishable() {
        return records.stream().filter(Tried::publishable).count();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
