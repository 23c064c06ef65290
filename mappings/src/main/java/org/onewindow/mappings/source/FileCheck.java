package org.onewindow.mappings.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.mappings.model.AgencyType;
import org.onewindow.mappings.model.SourceLanguage;

/**
 * Checks a mapping file before Jackson reads it, so that every problem carries its line: unknown keys (Jackson
 * reports one only at the end of its object), missing top-level keys, and the values judged without the rest of the
 * file (vocabulary names, date formats, patterns, licence and agency types, defaults of controlled fields).
 */
final class FileCheck {

    /** The keys each object of a file may hold, by its JSON pointer; field rule objects use {@link FieldRule#KEYS}. */
    private static final Map<String, List<String>> KNOWN_KEYS = Map.of(
            "", componentNames(SourceDefinition.class),
            "/agency", componentNames(Agency.class),
            "/licence", componentNames(SourceLicence.class),
            "/connector", componentNames(ConnectorSpec.class),
            "/politeness", componentNames(Politeness.class),
            "/fields", TargetField.keys());

    private static final List<String> REQUIRED_TOP_LEVEL =
            List.of("id", "agency", "licence", "connector", "schedule", "fields");
    private static final Pattern RULE_OBJECT = Pattern.compile("/fields/([^/]+)");
    private static final Pattern RULE_VALUE = Pattern.compile("/fields/([^/]+)/([^/]+)");
    private static final Pattern ALIAS_VALUE = Pattern.compile("/fields/([^/]+)/aliases/(.+)");

    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> topLevelKeys = new ArrayList<>();
    /** Scalar values of each field rule object: target field key → rule key → value. */
    private final Map<String, Map<String, Value>> rules = new LinkedHashMap<>();
    /** The alias targets of each field rule object: target field key → values. */
    private final Map<String, List<Value>> aliases = new LinkedHashMap<>();
    /** The line of each target field the file maps. */
    private final Map<String, Integer> mappedFields = new LinkedHashMap<>();

    private SourceLanguage language = SourceLanguage.KO;

    private FileCheck(String fileName) {
        this.fileName = fileName;
    }

    /** The file's problems, each "file:line: message", in line order; empty when Jackson may read it. */
    static List<String> check(String fileName, JsonParser parser) throws IOException {
        FileCheck check = new FileCheck(fileName);
        check.read(parser);
        return check.problems.stream()
                .sorted(Comparator.comparingInt(Problem::line))
                .map(Problem::text)
                .toList();
    }

    private void read(JsonParser parser) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            int line = line(parser.currentTokenLocation());
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (token == JsonToken.FIELD_NAME) {
                checkKey(
                        parser.currentName(),
                        parser.getParsingContext().pathAsPointer().head().toString(),
                        line);
            } else if (token.isScalarValue()) {
                checkValue(pointer, new Value(parser.getText(), token, line));
            }
        }
        List<String> missing = REQUIRED_TOP_LEVEL.stream()
                .filter(key -> !topLevelKeys.contains(key))
                .toList();
        if (!missing.isEmpty() && problems.isEmpty()) {
            missing.forEach(key -> problems.add(new Problem(
                    1,
                    fileName + ":1: missing required field '" + key + "'"
                            + ("licence".equals(key) ? " (e.g. licence: {type: KOGL-1, attribution: 보건복지부})" : ""))));
        }
        checkLanguageOfTexts();
        aliases.keySet().forEach(field -> rules.computeIfAbsent(field, f -> new LinkedHashMap<>()));
        rules.forEach(
                (field, values) -> TargetField.find(field).ifPresent(target -> new RuleCheck(target, values).run()));
    }

    private void checkKey(String key, String object, int line) {
        if (object.isEmpty()) {
            topLevelKeys.add(key);
        } else if (object.equals("/fields")) {
            mappedFields.put(key, line);
        }
        List<String> known = RULE_OBJECT.matcher(object).matches() ? FieldRule.KEYS : KNOWN_KEYS.get(object);
        if (known != null && !known.contains(key)) {
            add(line, "unknown field '" + key + "'" + Suggestions.didYouMean(key, known));
        }
    }

    private void checkValue(String pointer, Value value) {
        Matcher rule = RULE_VALUE.matcher(pointer);
        Matcher alias = ALIAS_VALUE.matcher(pointer);
        if (alias.matches()) {
            aliases.computeIfAbsent(alias.group(1), f -> new ArrayList<>()).add(value);
        } else if (rule.matches()) {
            rules.computeIfAbsent(rule.group(1), f -> new LinkedHashMap<>()).put(rule.group(2), value);
        } else if (pointer.equals("/licence/type")) {
            attempt(value.line(), () -> SourceLicence.term(value.text()));
        } else if (pointer.equals("/agency/type")) {
            attempt(value.line(), () -> AgencyType.of(value.text()));
        } else if (pointer.equals("/language")) {
            attempt(value.line(), () -> language = SourceLanguage.of(value.text()));
        }
    }

    /** In a source written in English, name, summary and description already hold English: the *En fields have no use. */
    private void checkLanguageOfTexts() {
        if (language == SourceLanguage.KO) {
            return;
        }
        for (TargetField english : List.of(TargetField.NAME_EN, TargetField.SUMMARY_EN, TargetField.DESCRIPTION_EN)) {
            Integer line = mappedFields.get(english.key());
            if (line != null) {
                String plain = english.key().substring(0, english.key().length() - 2);
                add(
                        line,
                        "'" + english.key() + "' is for a Korean source's English text; this source's language is "
                                + language.tag() + ", so '" + plain + "' takes its " + language.tag()
                                + " text: map it to '"
                                + plain + "'");
            }
        }
    }

    private void attempt(int line, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            add(line, e.getMessage());
        }
    }

    private void add(int line, String message) {
        problems.add(new Problem(line, fileName + ":" + line + ": " + message));
    }

    private static List<String> componentNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 0 : location.getLineNr();
    }

    /** The checks of one field rule object that need its target field or several of its keys. */
    private final class RuleCheck {
        private final TargetField field;
        private final Map<String, Value> values;

        RuleCheck(TargetField field, Map<String, Value> values) {
            this.field = field;
            this.values = values;
        }

        void run() {
            value("valueMap").ifPresent(v -> attempt(v.line(), () -> RuleChecks.valueMap(field, v.text())));
            value("dateFormat").ifPresent(v -> attempt(v.line(), () -> RuleChecks.dateFormat(field, v.text())));
            value("extract").ifPresent(v -> attempt(v.line(), () -> RuleChecks.extract(v.text())));
            value("absoluteUrl").ifPresent(v -> attempt(v.line(), () -> RuleChecks.absoluteUrl(field, v.token())));
            value("default")
                    .ifPresent(v -> attempt(
                            v.line(),
                            () -> RuleChecks.defaultValue(
                                    field, value("valueMap").map(Value::text).orElse(null), v.text())));
            aliases.getOrDefault(field.key(), List.of())
                    .forEach(v -> attempt(
                            v.line(),
                            () -> RuleChecks.aliasTarget(
                                    field, value("valueMap").map(Value::text).orElse(null), v.text())));
        }

        private Optional<Value> value(String key) {
            return Optional.ofNullable(values.get(key));
        }
    }

    private record Value(String text, JsonToken token, int line) {}

    private record Problem(int line, String text) {}
}
