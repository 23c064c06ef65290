package org.onewindow.harvester.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlGuardTest {

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8089/list.do, internal address",
            "http://localhost/, internal address",
            "http://10.1.2.3/, internal address",
            "http://192.168.0.10/, internal address",
            "http://172.16.5.4/, internal address",
            "http://169.254.169.254/latest/meta-data/, internal address",
            "http://[::1]/, internal address",
            "http://100.64.0.1/, internal address",
            "file:///etc/passwd, only http and https",
            "ftp://example.org/, only http and https",
            "javascript:alert(1), only http and https",
    })
    void refusesInternalAndNonHttpUrls(String url, String reason) {
        assertThat(UrlGuard.check(url, false)).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @CsvSource({"http://8.8.8.8/", "https://1.1.1.1/svc/view.do?svcId=1"})
    void letsPublicAddressesThrough(String url) {
        assertThat(UrlGuard.check(url, false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8089/list.do", "http://10.1.2.3/"})
    void allowsPrivateNetworksOnlyWhenConfiguredTo(String url) {
        assertThat(UrlGuard.check(url, true)).isEmpty();
    }
}
