package org.onewindow.mappings.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a {@link FieldRule} from a name, a list of names or an object. Keys and values are checked earlier, with
 * lines, by {@link FileCheck}; this reader only reports what slipped through.
 */
final class FieldRuleReader extends JsonDeserializer<FieldRule> {

    @Override
    public FieldRule deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node.isTextual()) {
            return new FieldRule(List.of(node.asText()));
        }
        if (node.isArray()) {
            return new FieldRule(texts(node, context));
        }
        if (!node.isObject()) {
            return context.reportInputMismatch(
                    FieldRule.class,
                    "a field rule is a raw field name, a list of them, or an object {from, split, extract, ...}");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!FieldRule.KEYS.contains(key)) {
                return context.reportInputMismatch(
                        FieldRule.class,
                        "unknown field rule key '%s'%s",
                        key,
                        Suggestions.didYouMean(key, FieldRule.KEYS));
            }
        }
        JsonNode from = node.path("from");
        List<String> sources = from.isTextual() ? List.of(from.asText()) : texts(from, context);
        String extract = text(node.get("extract"));
        Pattern pattern;
        try {
            pattern = extract == null ? null : Pattern.compile(extract);
        } catch (PatternSyntaxException e) {
            return context.reportInputMismatch(
                    FieldRule.class, "invalid extract pattern '%s': %s", extract, e.getDescription());
        }
        return new FieldRule(
                sources,
                text(node.get("split")),
                text(node.get("join")),
                pattern,
                text(node.get("dateFormat")),
                text(node.get("valueMap")),
                node.path("absoluteUrl").asBoolean(false),
                text(node.get("default")),
                node.path("merge").asBoolean(false),
                aliases(node.get("aliases"), context));
    }

    /** {@code aliases: {신체건강: 보건·의료}}: a source's own words for vocabulary terms. */
    private static Map<String, String> aliases(JsonNode node, DeserializationContext context) throws IOException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            return context.reportInputMismatch(
                    FieldRule.class, "aliases is a map of the source's words to vocabulary terms, e.g. {신체건강: 보건·의료}");
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        for (var entries = node.fields(); entries.hasNext(); ) {
            var entry = entries.next();
            if (!entry.getValue().isTextual()) {
                return context.reportInputMismatch(
                        FieldRule.class, "alias '%s' must name one vocabulary term", entry.getKey());
            }
            aliases.put(entry.getKey(), entry.getValue().asText());
        }
        return aliases;
    }

    private static List<String> texts(JsonNode array, DeserializationContext context) throws IOException {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return context.reportInputMismatch(FieldRule.class, "raw field names must be strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
