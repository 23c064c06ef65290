package org.onewindow.harvester.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.harvester.store.CatalogueRecord;
import org.onewindow.harvester.store.ChangeSet;
import org.onewindow.harvester.store.StagedChange;

/**
 * What a run held for review would change, per service and per field: the staged document against the one published.
 * A page shows the first {@value #SHOWN}; the API lists them all.
 */
@ApplicationScoped
public class HeldChanges {

    static final int SHOWN = 200;
    /** A value longer than this is cut in the page (the API has it whole). */
    static final int LONGEST_VALUE = 300;

    @Inject
    ChangeSet changes;

    @Inject
    ObjectMapper json;

    /** One field of a service, before and after. */
    public record FieldChange(String field, String before, String after) {}

    /** One service the run would change. */
    public record Change(String kind, String sourceRecordId, String url, List<FieldChange> fields) {
        public String kindKey() {
            return "change." + kind;
        }
    }

    /** The changes shown, and how many the run holds in all. */
    public record Held(List<Change> changes, long total) {}

    public Held of(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<StagedChange> staged = StagedChange.<StagedChange>find(
                            "runId = ?1 and change in ?2 order by id",
                            runId,
                            List.of(StagedChange.Kind.ADDED, StagedChange.Kind.UPDATED, StagedChange.Kind.WITHDRAWN))
                    .page(0, SHOWN)
                    .list();
            long total = StagedChange.count(
                    "runId = ?1 and change in ?2",
                    runId,
                    List.of(StagedChange.Kind.ADDED, StagedChange.Kind.UPDATED, StagedChange.Kind.WITHDRAWN));
            Map<String, String> published = new HashMap<>();
            List<String> ids = staged.stream()
                    .filter(c -> c.change != StagedChange.Kind.ADDED)
                    .map(c -> c.recordId)
                    .toList();
            if (!ids.isEmpty()) {
                CatalogueRecord.<CatalogueRecord>list("id in ?1", ids)
                        .forEach(record -> published.put(record.id, record.document));
            }
            List<Change> shown = new ArrayList<>();
            for (StagedChange change : staged) {
                String before = published.get(change.recordId);
                List<FieldChange> fields =
                        change.change == StagedChange.Kind.UPDATED ? fields(before, change.document) : List.of();
                shown.add(new Change(
                        change.change.name().toLowerCase(Locale.ROOT), change.sourceRecordId, change.url, fields));
            }
            return new Held(shown, total);
        });
    }

    private List<FieldChange> fields(String before, String after) {
        String names = changes.changedFields(before, after);
        if (names.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode old = before == null ? json.createObjectNode() : json.readTree(before);
            JsonNode now = json.readTree(after);
            List<FieldChange> fields = new ArrayList<>();
            for (String name : names.split(",")) {
                fields.add(new FieldChange(name, shown(old.get(name)), shown(now.get(name))));
            }
            return fields;
        } catch (IOException e) {
            return List.of(new FieldChange(names, "", ""));
        }
    }

    /**
     * A field's value as text: a string as it is, a text in several languages as {@code ko: …, en: …} (one language:
     * its text alone), anything else as JSON; cut past {@value #LONGEST_VALUE}.
     */
    private static String shown(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text;
        if (value.isTextual()) {
            text = value.asText();
        } else if (value.isObject() && value.size() > 0 && allText(value)) {
            List<String> parts = new ArrayList<>();
            value.fields()
                    .forEachRemaining(entry -> parts.add(
                            value.size() == 1
                                    ? entry.getValue().asText()
                                    : entry.getKey() + ": " + entry.getValue().asText()));
            text = String.join(", ", parts);
        } else {
            text = value.toString();
        }
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "…" : text;
    }

    private static boolean allText(JsonNode object) {
        for (JsonNode field : object) {
            if (!field.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
