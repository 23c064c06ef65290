package org.onewindow.catalogue.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** 503 tells a client to try again later, so only a backend that cannot answer gets it; our own defects are 500s. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aDefectOfOursIsA500() {
        assertThat(mapper.toResponse(new IllegalStateException("a bug")).getStatus())
                .isEqualTo(500);
        assertThat(mapper.toResponse(new CompletionException(new NullPointerException()))
                        .getStatus())
                .isEqualTo(500);
        assertThat(mapper.toResponse(new SQLException("syntax error", "42601")).getStatus())
                .isEqualTo(500);
    }

    @Test
    void aBackendThatCannotAnswerIsA503() {
        assertThat(mapper.toResponse(new CompletionException(new ConnectException("Connection refused")))
                        .getStatus())
                .isEqualTo(503);
        assertThat(mapper.toResponse(new IOException(new SocketTimeoutException("30,000 milliseconds timeout")))
                        .getStatus())
                .isEqualTo(503);
        assertThat(mapper.toResponse(new SQLException("the database system is shutting down", "57P03"))
                        .getStatus())
                .isEqualTo(503);
        assertThat(mapper.toResponse(new SQLException("connection refused", "08001"))
                        .getStatus())
                .isEqualTo(503);
    }
}
