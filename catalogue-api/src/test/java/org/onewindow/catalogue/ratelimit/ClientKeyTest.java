package org.onewindow.catalogue.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

class ClientKeyTest {

    private static String key(String host) {
        return ClientKey.of(SocketAddress.inetSocketAddress(443, host));
    }

    @Test
    void anIpv4ClientIsItsAddress() {
        assertThat(key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(key("::ffff:203.0.113.7"))
                .as("IPv4-mapped, as a dual-stack socket shows it")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void everyAddressOfOneIpv6Slash64IsOneClient() {
        assertThat(key("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(key("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo(key("[2001:0db8:0001:0002:0:0:0:9]"));
        assertThat(key("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void aForwardedValueThatIsNoAddressIsKeptAsShortText() {
        assertThat(key("unknown")).isEqualTo("name:unknown");
        assertThat(key("_" + "x".repeat(500))).hasSize("name:".length() + 64);
        assertThat(ClientKey.of(null)).isEqualTo("unknown");
    }
}
