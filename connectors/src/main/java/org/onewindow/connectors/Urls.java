package org.onewindow.connectors;

import java.net.URI;

/** URL helpers for identities and links. */
public final class Urls {

    private Urls() {
    }

    /** {@code list.do;jsessionid=0A1B?x=1} → {@code list.do?x=1}: session ids make every visit look new. */
    public static String stripSessionId(String url) {
        return url == null ? null : url.replaceAll("(?i);jsessionid=[^?#/]*", "");
    }

    /** Resolves a link against a base; null for anything but http(s) (javascript:, mailto:, data:…). */
    public static String absoluteHttp(String base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            String reference = link.strip().replace(" ", "%20");
            // java.net.URI resolves a query-only reference against the base's directory (RFC 2396): "?q" from
            // /svc/list.do would give /svc/?q. RFC 3986 (and browsers) keep the base's path: /svc/list.do?q.
            URI resolved = reference.startsWith("?")
                    ? URI.create(base.replaceFirst("[?#].*$", "") + reference)
                    : URI.create(base).resolve(reference);
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
