package org.onewindow.connectors.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;

/** A board that pages by a "다음" (next) link instead of a page parameter. */
class HtmlNextLinkPaginationTest {

    private static final String BASE = "https://www.gangnam.go.kr";
    private final HtmlConnector connector = new HtmlConnector(
            BASE,
            new HtmlSettings(
                    new HtmlSettings.ListSettings(
                            "/welfare/list.do",
                            null,
                            null,
                            null,
                            null,
                            null,
                            "div.board-list li a",
                            "nttId=(\\d+)",
                            null,
                            "div.paginate a.next"),
                    List.of(),
                    Map.of("title", List.of("h3"))));

    @Test
    void followsTheNextLinkWithoutItsSessionId() throws IOException {
        GatherResult first = connector.gather(page(BASE + "/welfare/list.do", "list-1.html"));

        assertThat(first.records()).extracting(RecordRef::sourceRecordId).containsExactly("3301", "3302", "3303");
        assertThat(first.records())
                .extracting(ref -> ref.request().url())
                .containsExactly(
                        BASE + "/welfare/view.do?nttId=3301",
                        BASE + "/welfare/view.do?nttId=3302",
                        BASE + "/welfare/view.do?nttId=3303");
        assertThat(first.next()).contains(PageRequest.get(BASE + "/welfare/list.do?page=2"));
    }

    @Test
    void theLastPageHasNoNextLink() throws IOException {
        GatherResult last = connector.gather(page(BASE + "/welfare/list.do?page=2", "list-2-last.html"));

        assertThat(last.records()).extracting(RecordRef::sourceRecordId).containsExactly("3304");
        assertThat(last.next()).isEmpty();
    }

    private static FetchedPage page(String url, String fixture) throws IOException {
        try (InputStream in =
                HtmlNextLinkPaginationTest.class.getResourceAsStream("/fixtures/gangnam-gu-board/" + fixture)) {
            return new FetchedPage(PageRequest.get(url), url, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }
}
