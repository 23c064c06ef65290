package org.onewindow.catalogue.api;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.elasticsearch.client.ResponseException;

/** Tells a backend that cannot answer (Elasticsearch or PostgreSQL down, busy or unreachable) from a defect of ours. */
final class BackendFailures {

    private BackendFailures() {}

    /** True when something in the cause chain says a backend is unreachable or unavailable: try again later. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException
                    || cause instanceof InterruptedIOException // connect and socket timeouts
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof ResponseException response) {
                int status = response.getResponse().getStatusLine().getStatusCode();
                return status >= 500 || status == 429;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("53")
                            || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception, insufficient resources, operator intervention (shutdown)
            }
        }
        return false;
    }
}
