package org.onewindow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.catalogue.api.QueryText;

class QueryTextTest {

    @ParameterizedTest
    @CsvSource({"청년", "청년 수당", "café", "youth allowance", "''"})
    void rawUtf8ReadAsLatin1IsRepairedAndEverythingElseKept(String text) {
        String asVertxSawRawUtf8 = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(QueryText.of(asVertxSawRawUtf8)).isEqualTo(text);
        assertThat(QueryText.of(text)).isEqualTo(text);
    }
}
