package org.onewindow.harvester.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.onewindow.harvester.api.Problem;

/**
 * A console page that failed (another agency's source, no such run, a change without its CSRF token) answers a page
 * of the console saying why, in its language, not the API's problem JSON; the status stays.
 */
@Provider
public class ConsoleErrorPages implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    @Inject
    @Location("console/error.html")
    Template errorPage;

    @Inject
    ConsolePages pages;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)
                || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(ConsolePage.class)
                || !answersPages(resource.getResourceMethod())) {
            return;
        }
        response.setEntity(
                pages.page(errorPage, "/console/sources")
                        .data("statusKey", statusKey(problem.status()))
                        .data("detail", problem.detail())
                        .render(),
                null,
                MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
    }

    /** The label of the status: {@code error.403}, or {@code error.other}. */
    static String statusKey(int status) {
        return switch (status) {
            case 400, 403, 404, 409 -> "error." + status;
            default -> "error.other";
        };
    }

    /** Whether the method answers a page (its JSON, the run progress, stays JSON). */
    private static boolean answersPages(Method method) {
        if (method == null) {
            return true;
        }
        Produces produces = method.getAnnotation(Produces.class);
        return produces == null || Arrays.stream(produces.value()).anyMatch(type -> type.startsWith("text/html"));
    }
}
