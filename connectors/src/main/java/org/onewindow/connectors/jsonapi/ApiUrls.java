package org.onewindow.connectors.jsonapi;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.connectors.Urls;

/**
 * Request URLs of an API: a path template resolved against the base URL, its query percent-encoded (templates
 * such as {@code cond[서비스ID::EQ]={id}} may be written plain or encoded) and more parameters appended.
 */
final class ApiUrls {

    private ApiUrls() {}

    /**
     * @param template a path with an optional query; {@code {id}} in it is replaced by {@code id}
     * @return null when the result is not an http(s) URL
     */
    static String build(String baseUrl, String template, String id, Map<String, String> more) {
        int q = template.indexOf('?');
        String path = q < 0 ? template : template.substring(0, q);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : template.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    parameters.put(name, id == null ? value : value.replace("{id}", id));
                }
            }
        }
        parameters.putAll(more);
        String resolved = Urls.absoluteHttp(
                baseUrl, id == null ? path : path.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8)));
        if (resolved == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(resolved);
        char separator = resolved.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** The value of a query parameter in a URL built here, or null. */
    static String parameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%': take it as written
        }
    }
}
