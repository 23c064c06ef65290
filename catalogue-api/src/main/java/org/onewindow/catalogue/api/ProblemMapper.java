package org.onewindow.catalogue.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.Logger;

/** Every failure of the public API as problem JSON; internals never leak to the caller. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof BadParametersException bad) {
            return Problem.response(Response.Status.BAD_REQUEST, "invalid request parameters", bad.errors());
        }
        if (failure instanceof WebApplicationException web) {
            Response.Status status =
                    Response.Status.fromStatusCode(web.getResponse().getStatus());
            return Problem.response(status == null ? Response.Status.BAD_REQUEST : status, web.getMessage(), List.of());
        }
        if (BackendFailures.isUnavailable(failure)) {
            LOG.warn("catalogue API: a backend cannot answer", failure);
            return Problem.response(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "the catalogue cannot answer right now; try again shortly",
                    List.of());
        }
        LOG.error("catalogue API failure", failure);
        return Problem.response(
                Response.Status.INTERNAL_SERVER_ERROR, "the catalogue failed to answer this request", List.of());
    }
}
