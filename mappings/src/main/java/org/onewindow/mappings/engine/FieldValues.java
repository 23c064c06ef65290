package org.onewindow.mappings.engine;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.source.ExtractBudgetExceededException;
import org.onewindow.mappings.source.FieldRule;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.TargetField;
import org.onewindow.mappings.url.UrlReferences;
import org.onewindow.mappings.vocabulary.Vocabularies;
import org.onewindow.mappings.vocabulary.Vocabulary;

/**
 * Applies a source's field rules to one raw record: from (first raw field with a value, or all with merge), split,
 * trim, extract, default, aliases, valueMap, absoluteUrl, join. What a rule had to leave out is noted in {@link #warnings()}.
 */
final class FieldValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+");

    private final SourceDefinition source;
    private final RawRecord raw;
    private final Vocabularies vocabularies;
    private final List<String> warnings = new ArrayList<>();

    FieldValues(SourceDefinition source, RawRecord raw, Vocabularies vocabularies) {
        this.source = source;
        this.raw = raw;
        this.vocabularies = vocabularies;
    }

    List<String> warnings() {
        return warnings;
    }

    /** The field's values joined into one text (by the rule's {@code join}, else a line break); null when none. */
    String text(TargetField field) {
        List<String> values = list(field);
        return values.isEmpty() ? null : String.join("\n", values);
    }

    /** @throws ExtractBudgetExceededException naming the field, when its extract rule runs out of budget */
    List<String> list(TargetField field) {
        FieldRule rule = source.fields().get(field);
        if (rule == null) {
            return List.of();
        }
        List<String> values;
        try {
            values = rawValues(rule);
        } catch (ExtractBudgetExceededException e) {
            throw e.forField(field.key());
        }
        if (values.isEmpty() && rule.defaultValue() != null) {
            values = List.of(rule.defaultValue());
        }
        if (values.size() > 1 && field.singleValued() && rule.join() == null) {
            warnings.add(field.key() + ": " + values.size() + " values for a field of one ("
                    + (field.kind() == TargetField.Kind.TEXT ? "joined by line breaks" : "the first kept")
                    + "): add join, or an extract or split that leaves one");
        }
        if (!rule.aliases().isEmpty()) {
            values = values.stream().map(v -> rule.aliases().getOrDefault(v, v)).toList();
        }
        Optional<String> vocabulary = Optional.ofNullable(rule.valueMap())
                .or(() -> field.storesCodes() ? field.vocabulary() : Optional.empty());
        if (vocabulary.isPresent()) {
            values = mapOnto(field, vocabularies.get(vocabulary.get()), values);
        }
        if (rule.absoluteUrl()) {
            values = values.stream().map(this::absolute).toList();
        }
        if (rule.join() != null && !values.isEmpty()) {
            values = List.of(String.join(rule.joinSeparator(), values));
        }
        return values;
    }

    /** The first value read as a date: by the rule's dateFormat, else by the usual Korean forms; empty when none. */
    Optional<DateValue> date(TargetField field) {
        List<String> values = list(field);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String text = values.get(0);
        var formatter = source.fields().get(field).dateFormatter();
        if (formatter == null) {
            return Optional.of(new DateValue(text, KoreanDates.parse(text)));
        }
        try {
            return Optional.of(new DateValue(text, LocalDate.from(formatter.parse(text, new ParsePosition(0)))));
        } catch (DateTimeException e) {
            return Optional.of(new DateValue(text, null));
        }
    }

    /** The first value if it is an absolute http(s) URL; otherwise null, with a warning. */
    String url(TargetField field) {
        List<String> values = list(field);
        if (values.isEmpty()) {
            return null;
        }
        String url = values.get(0);
        if (Urls.isHttp(url)) {
            return url;
        }
        warnings.add(field.key() + ": not an absolute http(s) URL: '" + url + "'"
                + (source.fields().get(field).absoluteUrl()
                        ? ""
                        : " (absoluteUrl: true resolves it against the record URL)"));
        return null;
    }

    /** The first value as a whole number ("1,234" is 1234); otherwise null, with a warning. */
    Integer integer(TargetField field) {
        List<String> values = list(field);
        if (values.isEmpty()) {
            return null;
        }
        String text = values.get(0);
        if (WHOLE_NUMBER.matcher(text).matches()) {
            try {
                return Integer.valueOf(text.replace(",", ""));
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        warnings.add(field.key() + ": not a whole number: '" + text + "'");
        return null;
    }

    private List<String> rawValues(FieldRule rule) {
        if (rule.merge()) {
            LinkedHashSet<String> merged = new LinkedHashSet<>();
            rule.from().forEach(rawField -> merged.addAll(values(rule, rawField)));
            return List.copyOf(merged);
        }
        for (String rawField : rule.from()) {
            List<String> values = values(rule, rawField);
            if (!values.isEmpty()) {
                return values;
            }
        }
        return List.of();
    }

    /** One raw field's values: split, trimmed, extracted, without blanks. */
    private List<String> values(FieldRule rule, String rawField) {
        return raw.values(rawField).stream()
                .flatMap(v -> rule.split() == null ? Stream.of(v) : splitOn(v, rule.splitSeparator()))
                .map(String::strip)
                .map(rule::apply)
                .map(v -> v == null ? null : v.strip())
                .filter(v -> v != null && !v.isEmpty())
                .toList();
    }

    /**
     * The parts of a value between occurrences of a literal separator, empty ones included (the rule drops them after
     * trimming); String.split would compile the quoted separator into a pattern for every value.
     */
    private static Stream<String> splitOn(String value, String separator) {
        if (separator.isEmpty()) {
            return Stream.of(value);
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = value.indexOf(separator); at >= 0; at = value.indexOf(separator, from)) {
            parts.add(value.substring(from, at));
            from = at + separator.length();
        }
        parts.add(value.substring(from));
        return parts.stream();
    }

    private List<String> mapOnto(TargetField field, Vocabulary vocabulary, List<String> values) {
        Vocabulary.Resolution resolution = vocabulary.resolveAll(values);
        resolution
                .unknown()
                .forEach(value ->
                        warnings.add(field.key() + ": '" + value + "' is not in vocabulary " + vocabulary.name()));
        return resolution.terms().stream()
                .map(term -> field.storesCodes() ? term.code() : term.ko())
                .toList();
    }

    private String absolute(String value) {
        String resolved = UrlReferences.resolve(raw.url(), value);
        return resolved == null ? value : resolved;
    }

    /** A date field's text and the date read from it (null when unreadable). */
    record DateValue(String text, LocalDate date) {}
}
