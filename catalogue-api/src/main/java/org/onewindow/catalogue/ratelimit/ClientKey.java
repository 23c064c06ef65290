package org.onewindow.catalogue.ratelimit;

import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;

/**
 * Whose bucket a request draws from: its client's IPv4 address, or the /64 network of its IPv6 address (one
 * subscriber's line holds a whole /64, so every /128 of it is one client). The address is the one Quarkus gives:
 * the socket peer, or the forwarded client when the peer is a trusted proxy ({@code quarkus.http.proxy.*}).
 */
public final class ClientKey {

    /** A forwarded value that is not an address ("unknown", an obfuscated Forwarded identifier) is kept this long. */
    private static final int MAX_NAME = 64;

    private ClientKey() {}

    public static String of(SocketAddress client) {
        if (client == null) {
            return "unknown";
        }
        String host = client.host() == null ? "unknown" : client.host();
        // A forwarded IPv6 address may come in brackets ("[2001:db8::1]:4711"); NetUtil parses literals only, never
        // asking DNS.
        String literal = client.hostAddress() != null
                ? client.hostAddress()
                : host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return "name:" + (host.length() > MAX_NAME ? host.substring(0, MAX_NAME) : host);
        }
        return ofAddress(bytes);
    }

    /** The key of an address given as its 4 or 16 bytes. */
    private static String ofAddress(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        if (isIpv4Mapped(address)) {
            return (address[12] & 0xff) + "." + (address[13] & 0xff) + "." + (address[14] & 0xff) + "."
                    + (address[15] & 0xff);
        }
        StringBuilder network = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            network.append(Integer.toHexString((address[2 * group] & 0xff) << 8 | address[2 * group + 1] & 0xff))
                    .append(':');
        }
        return network.append(":/64").toString();
    }

    /** ::ffff:a.b.c.d, how a dual-stack socket shows an IPv4 client. */
    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }
}
