package org.onewindow.connectors.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.connectors.jsonapi.Gov24Api.ENCODED_KEY;
import static org.onewindow.connectors.jsonapi.Gov24Api.KEY;
import static org.onewindow.connectors.jsonapi.Gov24Api.connector;
import static org.onewindow.connectors.jsonapi.Gov24Api.detail;
import static org.onewindow.connectors.jsonapi.Gov24Api.listPage;
import static org.onewindow.connectors.jsonapi.Gov24Api.listUrl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.Connectors;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.mappings.source.ConnectorSpec;

/** The API key goes into requests and nowhere else: not into messages, exceptions, descriptions or records. */
class ApiKeySecrecyTest {

    private final SourceConnector connector = connector();

    private final List<RecordRef> refs =
            connector.gather(listPage(1, "service-list-page-1.json")).records();

    private static void assertKeyless(String text) {
        assertThat(text).doesNotContain(KEY).doesNotContainIgnoringCase(ENCODED_KEY);
    }

    @Test
    void sendsTheKeyPercentEncodedInEveryRequest() {
        assertThat(connector.firstPage().url()).endsWith("&serviceKey=" + ENCODED_KEY);
        assertThat(refs).allSatisfy(ref -> assertThat(ref.request().url()).endsWith("&serviceKey=" + ENCODED_KEY));
    }

    @Test
    void keepsTheKeyOutOfTheConnectorsDescription() {
        assertKeyless(connector.toString());
        assertThat(connector.toString()).contains("serviceKey=****");
        assertKeyless(Connectors.create(
                        new ConnectorSpec(JsonApiConnector.KIND, Gov24Api.BASE_URL, Gov24Api.settings()),
                        Gov24Api.BASE_URL,
                        Map.of(Gov24Api.KEY_ENV, KEY)::get)
                .toString());
    }

    @Test
    void masksTheKeyInRequestUrlsForLogsAndErrorRows() {
        String redacted = connector.redact(refs.get(0).request().url());

        assertKeyless(redacted);
        assertThat(redacted).endsWith("&serviceKey=****");
        assertKeyless(connector.redact("GET " + listUrl(2) + " answered 401 for key " + KEY));
    }

    @Test
    void keepsTheKeyOutOfEveryGatherError() {
        List<FetchedPage> broken = List.of(
                listPage(1, "service-list-truncated.json"),
                listPage(1, "service-list-unregistered-key.json"),
                answer(listUrl(1), "{\"code\":-401,\"msg\":\"유효하지 않은 인증키: " + KEY + "\"}"),
                answer(listUrl(1), "{\"code\":-401,\"msg\":\"serviceKey=" + ENCODED_KEY + " 인증 실패\"}"),
                answer(listUrl(1), "{\"totalCount\":1,\"data\":[{\"서비스명\":\"" + KEY + "\"}]}"),
                answer(listUrl(1), "Unauthorized " + KEY));

        for (FetchedPage page : broken) {
            GatherResult result = connector.gather(page);

            assertThat(result.failure()).hasValueSatisfying(ApiKeySecrecyTest::assertKeyless);
        }
    }

    @Test
    void keepsTheKeyOutOfEveryExtractReason() {
        RecordRef ref = refs.get(2); // 135200000123
        List<FetchedPage> broken = List.of(
                detail(ref, "service-detail-malformed.json"),
                detail(ref, "service-detail-empty.json"),
                detail(ref, "service-detail-135200000101.json"),
                answer(ref.request().url(), "{\"code\":-4,\"msg\":\"등록되지 않은 인증키 입니다: " + KEY + "\"}"),
                answer(ref.request().url(), "<html>" + KEY + "</html>"));

        for (FetchedPage page : broken) {
            ExtractResult result = connector.extract(ref, page);

            assertThat(result).isInstanceOf(ExtractResult.NotAContentPage.class);
            assertKeyless(((ExtractResult.NotAContentPage) result).reason());
        }
    }

    @Test
    void keepsTheKeyOutOfTheRecordsUrl() {
        ObjectNode settings = Gov24Api.settings();
        settings.remove("recordUrl"); // the record URL is then the detail request's
        SourceConnector connector = connector(settings);
        RecordRef ref = connector
                .gather(listPage(1, "service-list-page-1.json"))
                .records()
                .get(0);

        ExtractResult result = connector.extract(ref, detail(ref, "service-detail-135200000101.json"));

        assertThat(result).isInstanceOfSatisfying(ExtractResult.Extracted.class, extracted -> {
            assertKeyless(extracted.record().url());
            assertThat(extracted.record().url()).doesNotContain("serviceKey");
        });
    }

    private static FetchedPage answer(String url, String body) {
        return new FetchedPage(PageRequest.get(url), url, 401, Gov24Api.JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
