package org.onewindow.harvester.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details, the body of every error answer; for bad input, {@code errors} says what is wrong. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, String detail, List<ParameterError> errors, Long runningRunId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record ParameterError(String parameter, String message) {}

    public static Response response(Response.Status status, String detail) {
        return response(status, detail, List.of());
    }

    public static Response response(Response.Status status, String detail, List<ParameterError> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(
                        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors, null))
                .build();
    }

    /** 409 for a source that is already being harvested: names the running run, so a client can follow it. */
    public static Response alreadyRunning(String detail, long runningRunId) {
        Response.Status status = Response.Status.CONFLICT;
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(
                        "about:blank",
                        status.getReasonPhrase(),
                        status.getStatusCode(),
                        detail,
                        List.of(),
                        runningRunId))
                .build();
    }
}
