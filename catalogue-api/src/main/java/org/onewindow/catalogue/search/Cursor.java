package org.onewindow.catalogue.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    public String token() {
        ObjectNode node = JSON.createObjectNode().put("f", fingerprint);
        node.set("a", after);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
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
        } catch (IllegalArgumentException | java.io.IOException e) {
            if (e instanceof InvalidCursorException invalid) {
                throw invalid;
            }
            throw new InvalidCursorException("not a cursor of this API");
        }
    }
}
