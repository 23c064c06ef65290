package org.onewindow.mappings.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * How one target field is filled: the raw fields to try in order (the first with a non-blank value wins), an
 * optional separator that splits a value into several (e.g. "||" or a line break), an optional regex that keeps
 * only part of each value (its group 1, or the whole match), and a default.
 * In a file, a bare list or a single name is short for {@code from}.
 */
@JsonDeserialize(using = FieldRule.Reader.class)
public record FieldRule(List<String> from, String split, Pattern extract, String defaultValue) {

    static final List<String> KEYS = List.of("from", "split", "extract", "default");

    public FieldRule {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("a field rule needs at least one raw field in 'from'");
        }
        from = List.copyOf(from);
    }

    public FieldRule(List<String> from) {
        this(from, null, null, null);
    }

    /** The part of a value the rule keeps; null when the extract pattern does not match. */
    public String apply(String value) {
        if (extract == null) {
            return value;
        }
        Matcher m = extract.matcher(value);
        if (!m.find()) {
            return null;
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    static final class Reader extends JsonDeserializer<FieldRule> {
        @Override
        public FieldRule deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node.isTextual()) {
                return new FieldRule(List.of(node.asText()));
            }
            if (node.isArray()) {
                return new FieldRule(texts(node, parser, context));
            }
            if (node.isObject()) {
                for (var names = node.fieldNames(); names.hasNext(); ) {
                    String key = names.next();
                    if (!KEYS.contains(key)) {
                        return context.reportInputMismatch(FieldRule.class,
                                "unknown field rule key '%s'%s", key, Suggestions.didYouMean(key, KEYS));
                    }
                }
                JsonNode from = node.path("from");
                List<String> sources = from.isTextual() ? List.of(from.asText()) : texts(from, parser, context);
                String extract = text(node.get("extract"));
                Pattern pattern;
                try {
                    pattern = extract == null ? null : Pattern.compile(extract);
                } catch (PatternSyntaxException e) {
                    return context.reportInputMismatch(FieldRule.class, "invalid extract pattern '%s': %s", extract, e.getDescription());
                }
                return new FieldRule(sources, text(node.get("split")), pattern, text(node.get("default")));
            }
            return context.reportInputMismatch(FieldRule.class,
                    "a field rule is a raw field name, a list of them, or {from, split, default}");
        }

        private static List<String> texts(JsonNode array, JsonParser parser, DeserializationContext context) throws IOException {
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
}
