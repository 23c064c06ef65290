package org.onewindow.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details; for bad input, {@code errors} names each parameter and what is wrong with it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ParameterError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record ParameterError(String parameter, String message) {}

    public static Response response(Response.Status status, String detail, List<ParameterError> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors))
                .build();
    }
}
