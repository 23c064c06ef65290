package org.onewindow.catalogue.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Where a service's description comes from and how fresh it is, from the record of truth (PostgreSQL). */
@ApplicationScoped
public class Provenance {

    /**
     * @param source the harvested source; {@code url} the agency page the description was read from;
     *               {@code lastHarvested} when a harvest last saw it; {@code lastChanged} when its content last changed
     */
    public record Of(
            String source,
            String url,
            Instant firstHarvested,
            Instant lastHarvested,
            Instant lastChanged,
            long revision) {}

    @Inject
    DataSource database;

    public Optional<Of> of(String id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select source_id, url, first_seen, last_seen, last_changed, revision from service_record where id = ? and status = 'ACTIVE'")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Of(
                        row.getString(1),
                        row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant(),
                        row.getTimestamp(5).toInstant(),
                        row.getLong(6)));
            }
        }
    }
}
