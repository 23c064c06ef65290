package org.onewindow.runtime.demo;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a web server in front of an agency site does for pages that did not change: an ETag derived from the body on
 * every 200 answer to a GET, and 304 without a body when the client sends that ETag back in If-None-Match.
 */
final class ConditionalGet implements ResponseTransformerV2 {

    @Override
    public String getName() {
        return "conditional-get";
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        if (!RequestMethod.GET.equals(event.getRequest().getMethod())
                || response.getStatus() != 200
                || response.getFault() != null
                || response.getChunkedDribbleDelay() != null
                || response.getInitialDelay() > 0) {
            return response;
        }
        byte[] body = response.getBody();
        if (body == null || body.length == 0) {
            return response;
        }
        String etag = "\"" + sha1(body) + "\"";
        String ifNoneMatch = event.getRequest().getHeader("If-None-Match");
        if (etag.equals(ifNoneMatch)) {
            return Response.response()
                    .status(304)
                    .headers(new HttpHeaders(new HttpHeader("ETag", etag)))
                    .build();
        }
        return Response.Builder.like(response)
                .but()
                .headers(response.getHeaders().plus(new HttpHeader("ETag", etag)))
                .build();
    }

    private static String sha1(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
