package org.onewindow.mappings.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayHtmlTest {

    private static final String PAGE = "https://www.agency.go.kr/svc/view.do?id=1";

    @Test
    void keepsStructureAndHttpLinksAndDropsEverythingActive() {
        String html = DisplayHtml.clean("""
                <p style="color:red" onclick="steal()">지원 <strong>내용</strong><br>둘째 줄</p>
                <ul><li onmouseover="x()">월 30만원</li></ul><script>alert(1)</script><img src=x onerror=alert(1)>
                <a href="javascript:alert(1)">나쁜</a> <a href="/apply.do" rel="opener" target="_blank">신청</a>
                <table><tr><td colspan="2">표</td></tr></table>""", PAGE);

        assertThat(html)
                .contains(
                        "<p>지원 <strong>내용</strong><br>둘째 줄</p>",
                        "<ul><li>월 30만원</li></ul>",
                        "<a href=\"https://www.agency.go.kr/apply.do\" rel=\"nofollow noopener\">신청</a>",
                        "<td colspan=\"2\">표</td>");
        assertThat(html)
                .doesNotContain(
                        "script", "onclick", "onerror", "style", "<img", "javascript:", "target=", "rel=\"opener\"");
    }

    @Test
    void cleanedMarkupIsSafeAndActiveMarkupIsNot() {
        String cleaned = DisplayHtml.clean(
                "<img src=x onerror=alert(1)><p>설명</p><a href='/x'>링크</a><table><tr><td>1</td></tr></table>", PAGE);

        assertThat(DisplayHtml.isSafe(cleaned)).isTrue();
        assertThat(DisplayHtml.isSafe("<img src=x onerror=alert(1)>")).isFalse();
        assertThat(DisplayHtml.isSafe("<a href=\"javascript:alert(1)\">x</a>")).isFalse();
        assertThat(DisplayHtml.isSafe("<p onclick=\"x()\">x</p>")).isFalse();
        assertThat(DisplayHtml.isSafe("plain text & more")).isTrue();
    }

    @Test
    void aTableCaptionIsKeptSoTheCleanedTableIsSafe() {
        // found by the connectors' fuzzing: a dropped caption left its text inside <table>, which isSafe refuses
        String cleaned = DisplayHtml.clean("<table><caption>상세정보</caption><tr><td>x</td></tr></table>", PAGE);

        assertThat(cleaned).isEqualTo("<table><caption>상세정보</caption><tbody><tr><td>x</td></tr></tbody></table>");
        assertThat(DisplayHtml.isSafe(cleaned)).isTrue();
    }

    @Test
    void markupTheCleanerCannotMakeSafeIsShownAsItsText() {
        String cleaned = DisplayHtml.clean(
                "<table><template>틀</template><tr><td>x</td></tr></table><script>alert(1)</script>", PAGE);

        assertThat(DisplayHtml.isSafe(cleaned)).as(cleaned).isTrue();
        assertThat(cleaned).contains("x").doesNotContain("script", "alert");
    }
}
