package org.onewindow.catalogue.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The catalogue's changes in the order they became visible (the harvester's feed positions), read from the record
 * of truth: what an app that keeps a local copy needs to stay in sync, withdrawals included.
 */
@ApplicationScoped
public class ChangeFeed {

    /** One change of one service; {@code name} is the service's name after an addition or update. */
    public record Change(
            String id,

            @Schema(enumeration = {"added", "updated", "withdrawn"})
            String change,

            long revision,
            Instant changedAt,
            List<String> changedFields,

            @Schema(ref = "LocalizedText", description = "the service's name; absent for a withdrawal")
            JsonNode name) {}

    /** A page of changes and the cursor to ask for the ones after them (also when there were none yet). */
    @Schema(name = "ChangePage")
    public record Page(List<Change> items, String nextCursor, boolean more) {}

    /** The token is not one we made. */
    public static class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException() {
            super("not a cursor of this feed");
        }
    }

    @Inject
    DataSource database;

    @Inject
    ObjectMapper json;

    /** Changes after a feed cursor (null: from the start), or after a moment when {@code since} is given. */
    public Page read(String cursor, Instant since, int limit) throws SQLException {
        long after = cursor == null ? 0 : position(cursor);
        String sql = "select feed_position, record_id, change, revision, changed_at, changed_fields, document -> 'name'"
                + " from service_version where feed_position > ?" + (since == null ? "" : " and changed_at > ?")
                + " order by feed_position limit ?";
        // Read before the changes: a page empty since a moment points at the feed's end as it was then, so nothing that
        // gets a position meanwhile is skipped, and the next poll does not replay the history from the start.
        long end = since != null && cursor == null ? highestPosition() : after;
        List<Change> items = new ArrayList<>();
        long last = after;
        boolean more = false;
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            query.setLong(i++, after);
            if (since != null) {
                query.setTimestamp(i++, Timestamp.from(since));
            }
            query.setInt(i, limit + 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    last = rows.getLong(1);
                    String fields = rows.getString(6);
                    String name = rows.getString(7);
                    items.add(new Change(
                            rows.getString(2),
                            rows.getString(3).toLowerCase(Locale.ROOT),
                            rows.getLong(4),
                            rows.getTimestamp(5).toInstant(),
                            fields == null || fields.isEmpty() ? List.of() : List.of(fields.split(",")),
                            name == null ? null : readJson(name)));
                }
            }
        }
        return new Page(items, token(items.isEmpty() ? end : last), more);
    }

    /** The last position handed out: it moves with every change that became visible in the record of truth. */
    public long highestPosition() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select coalesce(max(feed_position), 0) from service_version");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    static String token(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("feed:" + position).getBytes(StandardCharsets.UTF_8));
    }

    static long position(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("feed:")) {
                throw new InvalidCursorException();
            }
            long position = Long.parseLong(text.substring(5));
            if (position < 0) {
                throw new InvalidCursorException();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw e instanceof InvalidCursorException invalid ? invalid : new InvalidCursorException();
        }
    }
}
