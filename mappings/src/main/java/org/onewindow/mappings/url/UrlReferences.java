package org.onewindow.mappings.url;

import java.net.URI;

/** Resolves a link found on a page (or in a record) against the page's URL, as browsers do (RFC 3986). */
public final class UrlReferences {

    private UrlReferences() {}

    /** The absolute URL {@code reference} names from {@code base}; null when either cannot be read as a URI. */
    public static String resolve(String base, String reference) {
        if (base == null || reference == null) {
            return null;
        }
        try {
            String link = reference.strip().replace(" ", "%20");
            // java.net.URI resolves a query-only reference against the base's directory (RFC 2396): "?q" from
            // /svc/list.do would give /svc/?q. RFC 3986 (and browsers) keep the base's path: /svc/list.do?q.
            return link.startsWith("?")
                    ? URI.create(base.replaceFirst("[?#].*$", "") + link).toString()
                    : URI.create(base).resolve(link).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
