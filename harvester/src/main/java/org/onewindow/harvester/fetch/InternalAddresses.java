package org.onewindow.harvester.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Addresses a harvest must not reach unless allowed private networks: loopback, private, link-local, unique-local,
 * multicast, unspecified, {@code 0.0.0.0/8}, carrier-grade NAT, benchmarking, and any IPv6 form that carries such an
 * IPv4 address inside it (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}). IPv6
 * translation ranges whose inner address cannot be read (NAT64 local-use {@code 64:ff9b:1::/48}, Teredo
 * {@code 2001::/32}) are refused whole.
 */
final class InternalAddresses {

    private InternalAddresses() {}

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? internalIpv4(bytes) : internalIpv6(bytes);
    }

    private static boolean internalIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0
                || first == 127
                || first == 10
                || first == 169 && second == 254
                || first == 172 && second >= 16 && second < 32
                || first == 192 && second == 168
                || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                || first == 198 && (second == 18 || second == 19) // benchmarking
                || first >= 224; // multicast and reserved
    }

    private static boolean internalIpv6(byte[] bytes) {
        if ((bytes[0] & 0xfe) == 0xfc) {
            return true; // unique local fc00::/7
        }
        if (startsWith(bytes, 0x20, 0x01, 0x00, 0x00)) {
            return true; // Teredo 2001::/32: the inner address is obfuscated
        }
        if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return true; // NAT64 local-use 64:ff9b:1::/48: translates to whatever the local network chooses
        }
        if (startsWith(bytes, 0x20, 0x02)) {
            return internalIpv4(Arrays.copyOfRange(bytes, 2, 6)); // 6to4 2002:AABB:CCDD::/48
        }
        boolean nat64 = startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0);
        boolean mapped = startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff);
        boolean compatible = startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return (nat64 || mapped || compatible) && internalIpv4(Arrays.copyOfRange(bytes, 12, 16));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** An address from its literal text, without any name lookup (for tests and configuration). */
    static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }
}
