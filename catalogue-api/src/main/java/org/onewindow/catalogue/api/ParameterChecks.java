package org.onewindow.catalogue.api;

import java.util.List;

/** The checks every endpoint applies to its query parameters, each adding what is wrong to {@code errors}. */
final class ParameterChecks {

    private ParameterChecks() {}

    /** A whole number between min and max, or the fallback when absent. */
    static int wholeNumber(
            String name, String value, int fallback, int min, int max, List<Problem.ParameterError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.ParameterError(
                name,
                max == Integer.MAX_VALUE
                        ? "must be a whole number, " + min + " or more"
                        : "must be a whole number between " + min + " and " + max));
        return fallback;
    }

    /** ko (the default) or en. */
    static String language(String value, List<Problem.ParameterError> errors) {
        if (value == null) {
            return "ko";
        }
        if (!value.equals("ko") && !value.equals("en")) {
            errors.add(new Problem.ParameterError("lang", "must be ko or en"));
            return "ko";
        }
        return value;
    }

    static void throwIfAny(List<Problem.ParameterError> errors) {
        if (!errors.isEmpty()) {
            throw new BadParametersException(errors);
        }
    }
}
