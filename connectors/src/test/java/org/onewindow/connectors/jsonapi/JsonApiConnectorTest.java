package org.onewindow.connectors.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.onewindow.connectors.jsonapi.Gov24Api.BASE_URL;
import static org.onewindow.connectors.jsonapi.Gov24Api.connector;
import static org.onewindow.connectors.jsonapi.Gov24Api.detail;
import static org.onewindow.connectors.jsonapi.Gov24Api.detailUrl;
import static org.onewindow.connectors.jsonapi.Gov24Api.listPage;
import static org.onewindow.connectors.jsonapi.Gov24Api.listUrl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.Fixtures;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.mappings.model.RawRecord;

class JsonApiConnectorTest {

    private final SourceConnector connector = connector();

    private RecordRef gathered(String id) {
        List<RecordRef> refs = new ArrayList<>(
                connector.gather(listPage(1, "service-list-page-1.json")).records());
        refs.addAll(
                connector.gather(listPage(2, "service-list-page-2-last.json")).records());
        return refs.stream()
                .filter(ref -> ref.sourceRecordId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private RawRecord extracted(String id) {
        RecordRef ref = gathered(id);
        ExtractResult result = connector.extract(ref, detail(ref, "service-detail-" + id + ".json"));
        return assertThat(result)
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();
    }

    private static String reason(ExtractResult result) {
        return assertThat(result)
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .actual()
                .reason();
    }

    // --- listing

    @Test
    void startsWithTheFirstListPageOfPerPageRecordsWithTheFixedQueryAndTheKey() {
        PageRequest first = connector.firstPage();

        assertThat(first.method()).isEqualTo(PageRequest.Method.GET);
        assertThat(first.url()).isEqualTo(listUrl(1));
    }

    @Test
    void gathersTheRecordsOfTheFirstListPageAndAsksForTheSecond() {
        GatherResult result = connector.gather(listPage(1, "service-list-page-1.json"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("135200000101", "135200000116", "135200000123", "149200000231", "161300000045");
        assertThat(result.next()).contains(PageRequest.get(listUrl(2)));
    }

    @Test
    void stopsWhenThePagesReadCoverTheTotalCount() {
        GatherResult result = connector.gather(listPage(2, "service-list-page-2-last.json"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("300000000512", "611000000410", "134200000077");
        assertThat(result.next()).isEmpty();
    }

    @Test
    void takesThePageNumberFromTheRequestNotFromTheAnswer() {
        // totalCount 8, perPage 5: after page 1 there is more; asked as page 2, the same answer is the last.
        assertThat(connector.gather(listPage(2, "service-list-page-1.json")).next())
                .isEmpty();
    }

    @Test
    void carriesEveryScalarFieldOfAListEntryAsTextWithItsReference() {
        RecordRef ref = gathered("135200000101");

        assertThat(ref.listFields())
                .containsEntry("서비스명", List.of("기초연금"))
                .containsEntry("서비스목적요약", List.of("65세 이상 어르신에게 기초연금을 지급하여 안정적인 노후 소득 기반을 마련합니다."))
                .containsEntry("조회수", List.of("1523487"))
                .containsEntry("수정일시", List.of("20260105143000"))
                .containsEntry("소관기관코드", List.of("1352000"))
                .containsEntry("부서명", List.of("기초연금과"))
                .containsEntry("신청방법", List.of("방문||온라인"))
                .containsEntry("선정기준", List.of("가구의 소득인정액이 선정기준액 이하인 경우\n2026년 선정기준액: 단독가구 월 247만원, 부부가구 월 395만 2천원"))
                .hasSize(21);
    }

    @Test
    void leavesNullListFieldsOut() {
        assertThat(gathered("611000000410").listFields())
                .doesNotContainKey("접수기관")
                .containsEntry("조회수", List.of("58210"));
    }

    @Test
    void asksForEachRecordsDetailWithTheIdInTheEncodedCondition() {
        RecordRef ref = gathered("135200000116");

        assertThat(ref.needsFetch()).isTrue();
        assertThat(ref.request()).isEqualTo(PageRequest.get(detailUrl("135200000116")));
        assertThat(URLDecoder.decode(ref.request().url(), StandardCharsets.UTF_8))
                .startsWith(BASE_URL + "/api/gov24/v3/serviceDetail?cond[서비스ID::EQ]=135200000116&serviceKey=");
    }

    @Test
    void readsAnIdThatIsANumber() {
        FetchedPage page = answer(listUrl(1), """
                {"page":1,"perPage":5,"totalCount":1,"data":[{"서비스ID":135200000101,"서비스명":"기초연금"}]}""");

        assertThat(connector.gather(page).records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("135200000101");
    }

    @Test
    void readsATotalCountWrittenAsText() {
        FetchedPage page = answer(listUrl(1), """
                {"page":1,"perPage":5,"totalCount":"12","data":[{"서비스ID":"A1"}]}""");

        assertThat(connector.gather(page).next()).contains(PageRequest.get(listUrl(2)));
    }

    @Test
    void keepsOneReferenceForAnIdListedTwice() {
        FetchedPage page = answer(listUrl(1), """
                {"page":1,"perPage":5,"totalCount":2,"data":[{"서비스ID":"A1","조회수":3},{"서비스ID":"A1","조회수":4}]}""");

        assertThat(connector.gather(page).records())
                .singleElement()
                .satisfies(ref -> assertThat(ref.listFields()).containsEntry("조회수", List.of("3")));
    }

    // --- records

    @Test
    void mergesTheDetailOverTheListFields() {
        RawRecord record = extracted("135200000101");

        assertThat(record.sourceRecordId()).isEqualTo("135200000101");
        assertThat(record.url()).isEqualTo("https://www.gov.kr/portal/rcvfvrSvc/dtlEx/135200000101");
        // in both: the detail's longer text wins
        assertThat(record.values("지원대상")).containsExactly("만 65세 이상이고 대한민국 국적을 가진 국내 거주 어르신 중 가구의 소득인정액이 선정기준액 이하인 분");
        assertThat(record.values("신청방법"))
                .containsExactly("주소지 관할 읍면동 행정복지센터 또는 국민연금공단 지사 방문 신청\n복지로(www.bokjiro.go.kr) 온라인 신청");
        // detail only
        assertThat(record.values("서비스목적")).containsExactly("노인에게 기초연금을 지급하여 안정적인 소득기반을 제공함으로써 노인의 생활안정을 지원하고 복지를 증진함");
        assertThat(record.values("온라인신청사이트URL"))
                .containsExactly(
                        "https://www.bokjiro.go.kr/ssis-tbu/twataa/wlfareInfo/moveTWAT52011M.do?wlfareInfoId=WLF00000101");
        // list only
        assertThat(record.values("조회수")).containsExactly("1523487");
        assertThat(record.values("서비스목적요약")).containsExactly("65세 이상 어르신에게 기초연금을 지급하여 안정적인 노후 소득 기반을 마련합니다.");
        assertThat(record.values("소관기관코드")).containsExactly("1352000");
        assertThat(record.values("부서명")).containsExactly("기초연금과");
        // null in the detail: absent
        assertThat(record.fields()).doesNotContainKey("자치법규");
    }

    @Test
    void keepsDoublePipeMultiValuesAsOneStringForTheMappingToSplit() {
        RawRecord record = extracted("135200000101");

        assertThat(record.values("구비서류")).containsExactly("사회보장급여 신청(변경)서||소득·재산 신고서||금융정보 등 제공 동의서||신분증||통장 사본");
        assertThat(record.values("문의처")).containsExactly("보건복지상담센터 / 129||국민연금공단 / 1355");
        assertThat(record.values("법령")).containsExactly("기초연금법||기초연금법 시행령");
    }

    @Test
    void extractsEverySavedDetail() {
        assertThat(extracted("135200000116").values("구비서류")).containsExactly("사회보장급여 신청(변경)서||신분증||국민행복카드 사본");
        assertThat(extracted("149200000231").values("문의처")).containsExactly("고용노동부 고객상담센터 / 1350");
        assertThat(extracted("149200000231").values("조회수")).containsExactly("645220");
    }

    @Test
    void reportsAnEmptyDetailAsNoRecord() {
        RecordRef ref = gathered("135200000123");

        assertThat(reason(connector.extract(ref, detail(ref, "service-detail-empty.json"))))
                .startsWith("no record")
                .contains("135200000123");
    }

    @Test
    void reportsAMalformedDetailAsNotContentSayingWhereItBreaks() {
        RecordRef ref = gathered("135200000123");

        assertThat(reason(connector.extract(ref, detail(ref, "service-detail-malformed.json"))))
                .startsWith("detail is not valid JSON")
                .contains("line 7");
    }

    @Test
    void refusesADetailThatAnswersForAnotherRecord() {
        // An unknown cond[…] parameter makes the API ignore the filter and answer with some other record.
        RecordRef ref = gathered("135200000123");

        assertThat(reason(connector.extract(ref, detail(ref, "service-detail-135200000101.json"))))
                .contains("135200000101", "not 135200000123");
    }

    @Test
    void picksTheRecordWithTheIdFromADetailAnsweringSeveral() {
        RecordRef ref = gathered("135200000116");
        FetchedPage page = answer(ref.request().url(), """
                {"data":[{"서비스ID":"135200000101","서비스명":"기초연금"},{"서비스ID":"135200000116","서비스명":"첫만남이용권","구비서류":"신분증"}]}""");

        RawRecord record = assertThat(connector.extract(ref, page))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();

        assertThat(record.values("서비스명")).containsExactly("첫만남이용권");
        assertThat(record.values("구비서류")).containsExactly("신분증");
    }

    // --- broken list pages

    @Test
    void aTruncatedListPageIsUnreadableNamingTheProblem() {
        Fixtures.assertUnreadable(connector.gather(listPage(1, "service-list-truncated.json")))
                .startsWith("list page is not valid JSON")
                .contains("end-of-input");
    }

    @Test
    void anAnswerWithoutTheRecordsArrayIsUnreadableShowingWhatCameInstead() {
        Fixtures.assertUnreadable(connector.gather(listPage(1, "service-list-unregistered-key.json")))
                .contains("no records array at /data")
                .contains("등록되지 않은 인증키");
    }

    @Test
    void aListPageWithoutTheTotalCountIsUnreadable() {
        FetchedPage page = answer(listUrl(1), """
                {"page":1,"perPage":5,"data":[{"서비스ID":"A1"}]}""");

        Fixtures.assertUnreadable(connector.gather(page)).contains("no total count at /totalCount");
    }

    @Test
    void aListRecordWithoutAnIdMakesThePageUnreadableRatherThanBeSkipped() {
        // Skipping would make a complete listing miss the record, and two such runs would withdraw it.
        FetchedPage page = answer(listUrl(1), """
                {"page":1,"perPage":5,"totalCount":2,"data":[{"서비스ID":"A1"},{"서비스명":"이름만 있는 서비스"}]}""");

        Fixtures.assertUnreadable(connector.gather(page)).contains("list record 2 of 2 has no id at /서비스ID");
    }

    @Test
    void anEmptyAnswerIsUnreadable() {
        FetchedPage page = new FetchedPage(PageRequest.get(listUrl(1)), listUrl(1), 200, Gov24Api.JSON, new byte[0]);

        Fixtures.assertUnreadable(connector.gather(page)).contains("empty");
    }

    @Test
    void decodesAnAnswerByTheCharsetItsHeaderNames() {
        Charset ms949 = Charset.forName("x-windows-949");
        FetchedPage page = new FetchedPage(
                PageRequest.get(listUrl(1)),
                listUrl(1),
                200,
                "application/json; charset=EUC-KR",
                "{\"totalCount\":1,\"data\":[{\"서비스ID\":\"A1\",\"서비스명\":\"똠방각하 지원\"}]}".getBytes(ms949));

        assertThat(connector.gather(page).records())
                .singleElement()
                .satisfies(ref -> assertThat(ref.listFields()).containsEntry("서비스명", List.of("똠방각하 지원")));
    }

    // --- without a detail endpoint

    @Test
    void takesTheListEntryAsTheWholeRecordWithoutADetailPath() {
        ObjectNode settings = Gov24Api.settings();
        settings.remove("detailPath");
        SourceConnector listOnly = connector(settings);

        RecordRef ref = listOnly.gather(listPage(1, "service-list-page-1.json"))
                .records()
                .get(0);
        RawRecord record = assertThat(listOnly.extract(ref, null))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();

        assertThat(ref.needsFetch()).isFalse();
        assertThat(record.url()).isEqualTo("https://www.gov.kr/portal/rcvfvrSvc/dtlEx/135200000101");
        assertThat(record.values("서비스명")).containsExactly("기초연금");
        assertThat(record.values("조회수")).containsExactly("1523487");
    }

    @Test
    void usesTheDetailRequestWithoutTheKeyAsTheRecordUrlWhenNoneIsConfigured() {
        ObjectNode settings = Gov24Api.settings();
        settings.remove("recordUrl");
        SourceConnector noRecordUrl = connector(settings);
        RecordRef ref = noRecordUrl
                .gather(listPage(1, "service-list-page-1.json"))
                .records()
                .get(0);

        RawRecord record = assertThat(noRecordUrl.extract(ref, detail(ref, "service-detail-135200000101.json")))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();

        assertThat(record.url())
                .isEqualTo(BASE_URL
                        + "/api/gov24/v3/serviceDetail?cond%5B%EC%84%9C%EB%B9%84%EC%8A%A4ID%3A%3AEQ%5D=135200000101");
    }

    @Test
    void readsAPublicApiWithoutAKey() {
        ObjectNode settings = Gov24Api.settings();
        settings.remove("apiKey");

        SourceConnector open = connector(settings);

        assertThat(open.firstPage().url())
                .isEqualTo(BASE_URL + "/api/gov24/v3/serviceList?returnType=JSON&page=1&perPage=5");
    }

    @Test
    void readsCustomParameterNamesAndPointers() {
        ObjectNode settings = (ObjectNode) Fixtures.settings("""
                listPath: /openapi/welfare/list
                pageParameter: pageNo
                perPageParameter: numOfRows
                perPage: 2
                itemsPointer: /response/body/items
                totalCountPointer: /response/body/totalCount
                idPointer: /servId
                recordUrl: https://www.bokjiro.go.kr/ssis-tbu/twataa/wlfareInfo/moveTWAT52011M.do?wlfareInfoId={id}
                """);
        SourceConnector custom = connector(settings);
        String first = BASE_URL + "/openapi/welfare/list?pageNo=1&numOfRows=2";
        FetchedPage page = answer(first, """
                {"response":{"header":{"resultCode":"0"},"body":{"totalCount":3,"items":[{"servId":"WLF1","servNm":"a"},{"servId":"WLF2","servNm":"b"}]}}}""");

        GatherResult result = custom.gather(page);

        assertThat(custom.firstPage().url()).isEqualTo(first);
        assertThat(result.records()).extracting(RecordRef::sourceRecordId).containsExactly("WLF1", "WLF2");
        assertThat(result.records())
                .allSatisfy(ref -> assertThat(ref.needsFetch()).isFalse());
        assertThat(result.next()).contains(PageRequest.get(BASE_URL + "/openapi/welfare/list?pageNo=2&numOfRows=2"));
    }

    // --- settings

    @Test
    void rejectsSettingsWithoutTheIdPointer() {
        ObjectNode settings = Gov24Api.settings();
        settings.remove("idPointer");

        assertThatThrownBy(() -> connector(settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("idPointer");
    }

    @Test
    void rejectsAnIdPointerThatIsNoPointer() {
        ObjectNode settings = Gov24Api.settings();
        settings.put("idPointer", "서비스ID");

        assertThatThrownBy(() -> connector(settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("idPointer")
                .hasMessageContaining("not a JSON pointer");
    }

    @Test
    void rejectsADetailPathWithoutTheIdPlaceholder() {
        ObjectNode settings = Gov24Api.settings();
        settings.put("detailPath", "/api/gov24/v3/serviceDetail");

        assertThatThrownBy(() -> connector(settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("detailPath needs {id}");
    }

    @Test
    void rejectsARecordWithoutAnyUrl() {
        ObjectNode settings = Gov24Api.settings();
        settings.remove("detailPath");
        settings.remove("recordUrl");

        assertThatThrownBy(() -> connector(settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("recordUrl is needed");
    }

    @Test
    void rejectsAPageSizeBelowOne() {
        ObjectNode settings = Gov24Api.settings();
        settings.put("perPage", 0);

        assertThatThrownBy(() -> connector(settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("perPage");
    }

    @Test
    void rejectsAnUnknownSetting() {
        ObjectNode settings = Gov24Api.settings();
        settings.put("pageSize", 10);

        assertThatThrownBy(() -> connector(settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("pageSize");
    }

    @Test
    void rejectsAnUnknownSettingInTheApiKeyBlock() {
        ObjectNode settings = Gov24Api.settings();
        ((ObjectNode) settings.get("apiKey")).put("value", "plain-text-key");

        assertThatThrownBy(() -> connector(settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("value");
    }

    @Test
    void rejectsAKeyWhoseVariableIsNotSet() {
        assertThatThrownBy(() -> Fixtures.connector(
                        JsonApiConnector.KIND, BASE_URL, Gov24Api.settings(), Map.<String, String>of()::get))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("ONEWINDOW_SECRET_GOV24_KEY is not set");
    }

    @Test
    void refusesToReadAVariableThatIsNotASourceSecret() {
        // A mapping file (agencies may write them) must not send the harvester's own secrets to its API.
        ObjectNode settings = Gov24Api.settings();
        ((ObjectNode) settings.get("apiKey")).put("env", "QUARKUS_DATASOURCE_PASSWORD");

        assertThatThrownBy(() -> Fixtures.connector(
                        JsonApiConnector.KIND,
                        BASE_URL,
                        settings,
                        Map.of("QUARKUS_DATASOURCE_PASSWORD", "db-password")::get))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("must name an environment variable starting with ONEWINDOW_SECRET_")
                .hasMessageNotContaining("db-password");
    }

    private static FetchedPage answer(String url, String json) {
        return new FetchedPage(PageRequest.get(url), url, 200, Gov24Api.JSON, json.getBytes(StandardCharsets.UTF_8));
    }
}
