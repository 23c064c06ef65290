package org.onewindow.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void collapsesEveryRunOfWhitespaceAndNoBreakSpaceToOneSpace() {
        assertThat(Spaces.collapse("  신청\t\t방법 :\u00a0\u00a0주민센터\r\n방문 ")).isEqualTo(" 신청 방법 : 주민센터 방문 ");
        assertThat(Spaces.collapse("one space each")).isSameAs("one space each").isEqualTo("one space each");
        assertThat(Spaces.collapse("")).isEmpty();
    }

    @Test
    void readsTextAsTheRegularExpressionItReplacesDoes() {
        Random random = new Random(12);
        String alphabet = "ab가 \t\n\u000B\f\r\u00a0\u2003";
        for (int n = 0; n < 10_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = text.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ");
            assertThat(Spaces.collapse(text.toString())).as("'%s'", text).isEqualTo(expected);
        }
    }
}
