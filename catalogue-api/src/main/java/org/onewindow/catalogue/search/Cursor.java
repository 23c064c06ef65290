package org.onewindow.catalogue.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where deep paging goes on: the sort values of the last hit served (Elasticsearch's search_after) and the query it
 * belongs to, as an opaque URL-safe token. A cursor is no secret; it only saves the client from knowing the format.
 */
public record Cursor(String fingerprint, JsonNode after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The token is not one we made. */
    public static class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String message) {
            super(message);
        }
    }

    /**
     * Whether the sort values have the shape Elasticsearch expects after {@code sort}: one number first for a sort by
     * score, date or popularity, then the name (text, or null for a name too long to sort by) and the id (text).
     */
    public boolean fits(SearchRequest.Sort sort) {
        int leading = sort == SearchRequest.Sort.NAME ? 0 : 1;
        if (after.size() != leading + 2 || leading == 1 && !after.get(0).isNumber()) {
            return false;
        }
        return (after.get(leading).isTextual() || after.get(leading).isNull())
                && after.get(leading + 1).isTextual();
    }

    public String token() {
        ObjectNode node = JSON.createObjectNode().put("f", fingerprint);
        node.set("a", after);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor parse(String token) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!node.path("f").isTextual() || !(node.path("a") instanceof ArrayNode after) || after.isEmpty()) {
                throw new InvalidCursorException("not a cursor of this API");
            }
            for (JsonNode value : after) {
                if (!value.isValueNode()) {
                    throw new InvalidCursorException("not a cursor of this API");
                }
            }
            return new Cursor(node.path("f").asText(), after);
        } catch (IllegalArgumentException | IOException e) {
            if (e instanceof InvalidCursorException invalid) {
                throw invalid;
            }
            throw new InvalidCursorException("not a cursor of this API");
        }
    }
}
