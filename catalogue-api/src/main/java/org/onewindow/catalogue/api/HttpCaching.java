package org.onewindow.catalogue.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Every successful GET carries an ETag (a digest of its JSON) and a short public Cache-Control, and a request whose
 * If-None-Match names the current ETag gets 304 without a body: apps re-validate cheaply, proxies may cache. A
 * resource that sets its own ETag (the catalogue export, versioned and streamed, far too big to serialise again) is
 * left as it answered.
 */
@Provider
public class HttpCaching implements ContainerResponseFilter {

    static final String CACHE_CONTROL = "public, max-age=60";
    /** Answers differ by the media type asked for and by their compression (gzip when the client accepts it). */
    static final String VARY = "Accept, Accept-Encoding";

    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!"GET".equals(request.getMethod())
                || response.getStatus() != 200
                || response.getEntity() == null
                || !request.getUriInfo().getPath().startsWith("/api/")
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        String etag = "\"" + digest(json.writeValueAsBytes(response.getEntity())) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.getHeaders().add(HttpHeaders.VARY, VARY);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
