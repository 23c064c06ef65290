package org.onewindow.catalogue.api;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Parameter validation failures as problem JSON naming each parameter (instead of Quarkus' own format). */
@Provider
@Priority(Priorities.USER - 100)
public class ViolationMapper implements ExceptionMapper<ResteasyReactiveViolationException> {

    @Override
    public Response toResponse(ResteasyReactiveViolationException invalid) {
        return ProblemMapper.badParameters(invalid);
    }
}
