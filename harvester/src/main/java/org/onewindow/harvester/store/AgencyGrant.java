package org.onewindow.harvester.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The hosts an operator allowed an agency's sources to harvest; an agency key works on no other host. */
@Entity
@Table(name = "agency_grant")
public class AgencyGrant extends PanacheEntityBase {

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    /** A JSON array of host names, lower case (no port: an allowed host is allowed on every port); see {@link #hosts()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String hosts = "[]";

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public String reason;

    private static final ObjectMapper JSON = new ObjectMapper();

    public List<String> hosts() {
        try {
            return List.of(JSON.readValue(hosts, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agency " + agencyCode + ": stored hosts unreadable", e);
        }
    }

    public void hosts(List<String> names) {
        try {
            hosts = JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> hostsOf(String agencyCode) {
        AgencyGrant grant = findById(agencyCode);
        return grant == null ? List.of() : grant.hosts();
    }
}
