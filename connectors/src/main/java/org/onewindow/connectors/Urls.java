package org.onewindow.connectors;

import java.net.URI;
import org.onewindow.mappings.url.UrlReferences;

/** URL helpers for identities and links. */
public final class Urls {

    private Urls() {}

    /** {@code list.do;jsessionid=0A1B?x=1} → {@code list.do?x=1}: session ids make every visit look new. */
    public static String stripSessionId(String url) {
        return url == null ? null : url.replaceAll("(?i);jsessionid=[^?#/]*", "");
    }

    /** Resolves a link against a base; null for anything but http(s) (javascript:, mailto:, data:…). */
    public static String absoluteHttp(String base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String resolved = UrlReferences.resolve(base, link);
        if (resolved == null) {
            return null;
        }
        String scheme = URI.create(resolved).getScheme();
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved : null;
    }
}
