package org.onewindow.connectors.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;

class HtmlSanitizerTest {

    private static final String PAGE = "https://www.agency.go.kr/svc/view.do?id=1";

    @Test
    void keepsStructureAndHttpLinksAndDropsEverythingActive() {
        Element td = Jsoup.parse("""
                <table><tr><td style="color:red" class="x" onclick="steal()">
                  <p>지원 <strong>내용</strong><br>둘째 줄</p>
                  <ul><li onmouseover="x()">월 30만원</li><li>최대 6개월</li></ul>
                  <script>alert(document.cookie)</script><img src="x.png" onerror="alert(1)">
                  <a href="javascript:alert(1)">나쁜 링크</a> <a href="/apply.do" target="_blank">신청하기</a>
                  <iframe src="https://evil.example"></iframe><span style="display:none">숨김</span>
                </td></tr></table>""", PAGE).selectFirst("td");

        String html = HtmlSanitizer.contentOf(td, PAGE);

        assertThat(html)
                .contains(
                        "<p>지원 <strong>내용</strong><br>둘째 줄</p>",
                        "<ul><li>월 30만원</li><li>최대 6개월</li></ul>",
                        "<a href=\"https://www.agency.go.kr/apply.do\" rel=\"nofollow noopener\">신청하기</a>");
        assertThat(html)
                .doesNotContain(
                        "script",
                        "onclick",
                        "onmouseover",
                        "onerror",
                        "style",
                        "class=",
                        "<img",
                        "iframe",
                        "javascript:",
                        "target=");
        assertThat(html).contains("<a rel=\"nofollow noopener\">나쁜 링크</a>");
    }

    @Test
    void recordPagesCarryASanitisedRenditionBesideThePlainText() {
        HtmlRecordExtractor extractor = new HtmlRecordExtractor(Map.of("benefits", List.of("td.benefits")), List.of());
        byte[] body =
                "<html><body><table><tr><td class=\"benefits\"><ul><li>월 10만원</li><li onclick=\"x()\">매월 25일</li></ul></td></tr></table></body></html>"
                        .getBytes(StandardCharsets.UTF_8);

        ExtractResult result = extractor.extract(
                new RecordRef("1", PageRequest.get(PAGE)),
                new FetchedPage(PageRequest.get(PAGE), PAGE, 200, "text/html; charset=utf-8", body));

        assertThat(result).isInstanceOfSatisfying(ExtractResult.Extracted.class, extracted -> {
            assertThat(extracted.record().values("benefits")).containsExactly("월 10만원\n매월 25일");
            assertThat(extracted.record().values("benefits#html"))
                    .containsExactly("<ul><li>월 10만원</li><li>매월 25일</li></ul>");
        });
    }
}
