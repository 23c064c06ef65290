package org.onewindow.catalogue.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;

/**
 * Every public endpoint answers 400 to a query parameter it does not know, naming it and the known ones, so that a
 * typo ({@code categroy=housing}) never silently widens an answer. An endpoint knows the parameters its method
 * declares: {@code @QueryParam}s and query {@code @Parameter}s. An endpoint that reads the raw query string checks it
 * itself ({@link ChecksItsOwnParameters}).
 */
@Provider
public class KnownParameters implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null
                || method.isAnnotationPresent(ChecksItsOwnParameters.class)
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Set<String> names = known.computeIfAbsent(method, KnownParameters::declared);
        List<Problem.ParameterError> errors = new ArrayList<>();
        for (String name :
                new TreeSet<>(request.getUriInfo().getQueryParameters().keySet())) {
            if (!names.contains(name)) {
                errors.add(new Problem.ParameterError(
                        name,
                        names.isEmpty()
                                ? "unknown parameter; this endpoint takes none"
                                : "unknown parameter; known: " + String.join(", ", names)));
            }
        }
        ParameterChecks.throwIfAny(errors);
    }

    static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(method.getParameters())
                .map(p -> p.getAnnotation(QueryParam.class))
                .filter(q -> q != null)
                .forEach(q -> names.add(q.value()));
        Parameters documented = method.getAnnotation(Parameters.class);
        if (documented != null) {
            Arrays.stream(documented.value())
                    .filter(p -> p.in() == ParameterIn.QUERY)
                    .map(Parameter::name)
                    .forEach(names::add);
        }
        return names;
    }
}
