package org.onewindow.harvester.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.onewindow.harvester.review.RunReview;
import org.onewindow.harvester.run.HarvestService;

/** Every failure of the operator API as problem JSON. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof HarvestService.UnknownSourceException) {
            return Problem.response(Response.Status.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof HarvestService.AlreadyRunningException running) {
            return Problem.alreadyRunning(failure.getMessage(), running.runningRunId);
        }
        if (failure instanceof Forbidden) {
            return Problem.response(Response.Status.FORBIDDEN, failure.getMessage());
        }
        if (failure instanceof RunReview.WrongStateException
                || failure instanceof HarvestService.DisabledSourceException) {
            return Problem.response(Response.Status.CONFLICT, failure.getMessage());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getEntity() instanceof Problem) {
            return web.getResponse(); // already says what is wrong, parameter by parameter
        }
        if (failure instanceof WebApplicationException web) {
            Response.Status status =
                    Response.Status.fromStatusCode(web.getResponse().getStatus());
            return Problem.response(status == null ? Response.Status.BAD_REQUEST : status, web.getMessage());
        }
        LOG.error("operator API failure", failure);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; see the harvester log");
    }
}
