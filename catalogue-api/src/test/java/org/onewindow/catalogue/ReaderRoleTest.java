package org.onewindow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The API's own database connection: the read-only role the harvester's migrations create, never the schema owner. */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class ReaderRoleTest {

    /** PostgreSQL's insufficient_privilege. */
    private static final String PERMISSION_DENIED = "42501";

    @Inject
    DataSource database;

    @Test
    void theApiConnectsAsTheReaderRole() throws SQLException {
        assertThat(query("select current_user")).isEqualTo("onewindow_reader");
    }

    @Test
    void theReaderReadsTheRecordsAndTheirVersions() throws SQLException {
        assertThat(Long.parseLong(query("select count(*) from service_record")))
                .isEqualTo(CatalogueServicesTestResource.FIXTURE_SERVICES);
        assertThat(Long.parseLong(query("select count(*) from service_version")))
                .isGreaterThan(CatalogueServicesTestResource.FIXTURE_SERVICES);
    }

    @Test
    void theReaderCannotWriteAnything() throws SQLException {
        String id = "'mohw-welfare~WLF00000101'";
        for (String write : new String[] {
            "insert into service_version (record_id, revision, change, run_id, changed_at) values (" + id
                    + ", 99, 'UPDATED', 1, now())",
            "update service_record set revision = revision + 1 where id = " + id,
            "delete from service_record where id = " + id,
            "create table reader_was_here (id int)",
            "delete from harvest_run"
        }) {
            assertThatThrownBy(() -> executeRolledBack(write))
                    .as(write)
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(PERMISSION_DENIED));
        }
        assertThat(Long.parseLong(query("select count(*) from service_record")))
                .isEqualTo(CatalogueServicesTestResource.FIXTURE_SERVICES);
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Runs a statement in a transaction of its own, rolled back whatever it did (so a failing check leaves no trace). */
    private void executeRolledBack(String sql) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
