package org.onewindow.harvester.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleFormatsTest {

    @Test
    void onlyHttpAddressesFromAnAgencysSiteBecomeLinks() {
        assertThat(ConsoleFormats.web("https://www.mohw.go.kr/view.do?id=1")).isTrue();
        assertThat(ConsoleFormats.web("HTTP://WWW.MOHW.GO.KR/")).isTrue();
        assertThat(ConsoleFormats.web("javascript:alert(1)")).isFalse();
        assertThat(ConsoleFormats.web(" javascript:alert(1)")).isFalse();
        assertThat(ConsoleFormats.web("data:text/html,<script>alert(1)</script>"))
                .isFalse();
        assertThat(ConsoleFormats.web(null)).isFalse();
    }
}
