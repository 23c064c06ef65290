package org.onewindow.catalogue.api;

import java.util.List;

/** Request parameters that cannot be served, each named with what is wrong with it (answered 400). */
public class BadParametersException extends RuntimeException {

    private final List<Problem.ParameterError> errors;

    public BadParametersException(List<Problem.ParameterError> errors) {
        super("invalid request parameters");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.ParameterError> errors() {
        return errors;
    }
}
