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
        "http://0.1.2.3/, internal address",
        "'http://[64:ff9b::7f00:1]/', internal address",
        "'http://[64:ff9b::a00:1]/', internal address",
        "'http://[64:ff9b:1::808:808]/', internal address",
        "'http://[2002:7f00:1::1]/', internal address",
        "'http://[2002:a9fe:a9fe::1]/', internal address",
        "'http://[::7f00:1]/', internal address",
        "'http://[::a9fe:a9fe]/', internal address",
        "'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', internal address",
        "'http://[fd00::1]/', internal address",
        "'http://[ff02::1]/', internal address",
        "file:///etc/passwd, only http and https",
        "ftp://example.org/, only http and https",
        "javascript:alert(1), only http and https",
    })
    void refusesInternalAndNonHttpUrls(String url, String reason) {
        assertThat(UrlGuard.check(url, false))
                .hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @CsvSource({
        "http://8.8.8.8/",
        "https://1.1.1.1/svc/view.do?svcId=1",
        "'http://[64:ff9b::808:808]/'",
        "'http://[2002:808:808::1]/'",
        "'http://[2001:4860:4860::8888]/'"
    })
    void letsPublicAddressesThrough(String url) {
        assertThat(UrlGuard.check(url, false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8089/list.do", "http://10.1.2.3/"})
    void allowsPrivateNetworksOnlyWhenConfiguredTo(String url) {
        assertThat(UrlGuard.check(url, true)).isEmpty();
    }
}
