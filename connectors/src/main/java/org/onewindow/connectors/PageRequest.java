package org.onewindow.connectors;

import java.util.Map;
import java.util.TreeMap;

/** One HTTP request a connector wants made: GET, or POST of a form (eGovFrame list pages). */
public record PageRequest(String url, Method method, Map<String, String> form) {

    public enum Method {
        GET,
        POST
    }

    public PageRequest {
        form = form == null ? Map.of() : Map.copyOf(form);
    }

    public static PageRequest get(String url) {
        return new PageRequest(url, Method.GET, Map.of());
    }

    /** Identity of the request, for loop detection: same method, URL and form = same page. */
    public String key() {
        return method + " " + Urls.stripSessionId(url) + (form.isEmpty() ? "" : " " + new TreeMap<>(form));
    }
}
