package org.onewindow.harvester.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * Refuses URLs a harvest must not fetch (server-side request forgery): anything but http(s), and hosts that
 * resolve to loopback, private, link-local or otherwise internal addresses, unless the source is allowed them
 * (the local stack and tests, whose agency sites run on loopback). Checked on every hop of a redirect, and again on
 * the address each connection actually reached ({@link GuardedConnections}).
 */
@ApplicationScoped
public class UrlGuard {

    @Inject
    HarvesterConfig config;

    /** Why the session may not fetch the URL, naming the setting that would allow a private address; else empty. */
    public Optional<String> refusal(String url, FetchSession session) {
        return check(url, session.allowPrivateNetworks() || config.harvest().allowPrivateNetworks())
                .map(refusal -> refusal.contains(INTERNAL)
                        ? refusal + " (" + session.howToAllowPrivateNetworks() + ")"
                        : refusal);
    }

    private static final String INTERNAL = "resolves to the internal address";

    static Optional<String> check(String url, boolean allowPrivateNetworks) {
        return check(url, allowPrivateNetworks, HostResolver.SYSTEM);
    }

    static Optional<String> check(String url, boolean allowPrivateNetworks, HostResolver resolver) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("only http and https URLs are fetched");
        }
        if (uri.getHost() == null) {
            return Optional.of("URL has no host");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : resolver.resolve(uri.getHost())) {
                if (InternalAddresses.isInternal(address)) {
                    return Optional.of("host " + uri.getHost() + " " + INTERNAL + " " + address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + uri.getHost());
        }
        return Optional.empty();
    }
}
