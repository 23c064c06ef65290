package org.onewindow.harvester.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A whole-number query parameter that is not a number ({@code ?limit=ten}) is the caller's mistake, named: a 400
 * problem with the parameter and its value, where JAX-RS would answer 404 as if the resource did not exist.
 */
@Provider
public class WholeNumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != int.class && rawType != Integer.class) {
            return null;
        }
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        if (name == null) {
            return null;
        }
        return (ParamConverter<T>) new WholeNumber(name);
    }

    private record WholeNumber(String parameter) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
                throw new BadRequestException(Problem.response(
                        Response.Status.BAD_REQUEST,
                        "query parameter " + parameter + " must be a whole number",
                        List.of(new Problem.ParameterError(parameter, "a whole number, not '" + shown + "'"))));
            }
        }

        @Override
        public String toString(Integer value) {
            return value.toString();
        }
    }
}
