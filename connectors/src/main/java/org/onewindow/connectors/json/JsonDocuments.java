package org.onewindow.connectors.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.connectors.SourceFields;

/**
 * Reads JSON that agencies publish. Tolerates what real answers carry and browsers accept (raw line breaks and tabs
 * inside strings, a trailing comma); anything else that is not JSON fails with a message saying where and why.
 */
public final class JsonDocuments {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonDocuments() {}

    /** @throws IllegalArgumentException when the text is not JSON, naming the problem and its line and column */
    public static JsonNode parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("not JSON: the answer is empty");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + describe(e), e);
        }
    }

    /** Jackson's reason without its source excerpt, then where: "Unexpected end-of-input … (line 12, column 3)". */
    static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage()
                .lines()
                .findFirst()
                .orElse("")
                .replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", "")
                .replaceAll("\\s*at \\[Source:[^]]*]", "")
                .strip();
        JsonLocation where = e.getLocation();
        return where == null
                ? reason
                : reason + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    /** A JSON pointer from settings; {@link IllegalArgumentException} naming the setting when it is not one. */
    public static JsonPointer pointer(String setting, String expression) {
        try {
            return JsonPointer.compile(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    setting + ": '" + expression + "' is not a JSON pointer (like /data or /response/body/items)", e);
        }
    }

    /** A scalar as text (numbers as written, without exponent); null for objects, arrays and null. */
    public static String scalarText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue();
            return decimal.stripTrailingZeros().scale() <= 0
                    ? decimal.toBigInteger().toString()
                    : decimal.stripTrailingZeros().toPlainString();
        }
        return node.asText();
    }

    /**
     * Every non-blank scalar field of an object, as one-value lists in the object's order; nested values are left out,
     * and so are keys that would pose as a display rendition ({@link SourceFields}).
     */
    public static Map<String, List<String>> scalarFields(JsonNode object) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            String text = scalarText(field.getValue());
            if (text != null && !text.isBlank() && SourceFields.isAcceptedName(field.getKey())) {
                fields.put(field.getKey(), List.of(text));
            }
        });
        return fields;
    }
}
