package org.onewindow.harvester.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The console's pages allow no inline script or style, nothing from another origin, no framing; they are never cached
 * (they show what one session may see) and tell other sites nothing of where a link came from.
 */
@Provider
public class ConsoleHeaders implements ContainerResponseFilter {

    static final String POLICY =
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self';"
                    + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(ConsolePage.class)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with the console's own forms
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("X-Frame-Options", "DENY");
    }
}
