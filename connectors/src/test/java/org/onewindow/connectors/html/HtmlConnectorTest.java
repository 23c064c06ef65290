package org.onewindow.connectors.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.onewindow.connectors.MohwWelfareFixtures.BASE_URL;
import static org.onewindow.connectors.MohwWelfareFixtures.LIST_URL;
import static org.onewindow.connectors.MohwWelfareFixtures.connector;
import static org.onewindow.connectors.MohwWelfareFixtures.listPage;
import static org.onewindow.connectors.MohwWelfareFixtures.listRequest;
import static org.onewindow.connectors.MohwWelfareFixtures.ref;
import static org.onewindow.connectors.MohwWelfareFixtures.viewPage;
import static org.onewindow.connectors.MohwWelfareFixtures.viewUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.Connectors;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.MohwWelfareFixtures;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.source.ConnectorSpec;

class HtmlConnectorTest {

    private final SourceConnector connector = connector();

    private RawRecord extracted(String id, String fileName) {
        ExtractResult result = connector.extract(ref(id), viewPage(id, fileName));
        return assertThat(result)
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();
    }

    // --- a page named alone (a push)

    @Test
    void aRecordPageUrlIsTheRecordTheListingWouldName() {
        RecordRef listed = connector
                .gather(new FetchedPage(
                        connector.firstPage(),
                        LIST_URL,
                        200,
                        MohwWelfareFixtures.LIST_CONTENT_TYPE,
                        MohwWelfareFixtures.bytes("list-page-1.html")))
                .records()
                .get(0);

        assertThat(connector.recordAt(listed.request().url())).contains(listed);
        assertThat(connector.recordAt(listed.request().url() + ";jsessionid=ABC"))
                .as("a session id is not part of the page")
                .contains(listed);
        assertThat(connector.recordAt(LIST_URL))
                .as("a listing page is no record")
                .isEmpty();
        assertThat(connector.recordAt("https://elsewhere.example/portal/svc/view.do?menuNo=200123&svcId=WLF1"))
                .as("another host")
                .isEmpty();
    }

    // --- listing pages

    @Test
    void startsWithAPostOfTheFirstListPage() {
        PageRequest first = connector.firstPage();

        assertThat(first.method()).isEqualTo(PageRequest.Method.POST);
        assertThat(first.url()).isEqualTo(LIST_URL);
        assertThat(first.form()).isEqualTo(Map.of("pageIndex", "1", "menuNo", "200123"));
    }

    @Test
    void gathersTenRecordsAndThePostedNextPageFromTheFirstListPage() {
        FetchedPage page = new FetchedPage(
                connector.firstPage(),
                LIST_URL + MohwWelfareFixtures.SESSION,
                200,
                MohwWelfareFixtures.LIST_CONTENT_TYPE,
                MohwWelfareFixtures.bytes("list-page-1.html"));

        GatherResult result = connector.gather(page);

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly(
                        "WLF00000101",
                        "WLF00000104",
                        "WLF00000111",
                        "WLF00000116",
                        "WLF00000128",
                        "WLF00000132",
                        "WLF00000141",
                        "WLF00000147",
                        "WLF00000158",
                        "WLF00000160");
        assertThat(result.next()).contains(listRequest(2));
    }

    @Test
    void pointsEachRecordAtItsViewPageWithoutTheSessionId() {
        GatherResult result = connector.gather(listPage(1, "list-page-1.html"));

        assertThat(result.records())
                .first()
                .isEqualTo(new RecordRef(
                        "WLF00000101",
                        PageRequest.get("http://127.0.0.1:8089/portal/svc/view.do?menuNo=200123&svcId=WLF00000101")));
        assertThat(result.records()).allSatisfy(record -> {
            assertThat(record.request().method()).isEqualTo(PageRequest.Method.GET);
            assertThat(record.request().url())
                    .isEqualTo(viewUrl(record.sourceRecordId()))
                    .doesNotContainIgnoringCase("jsessionid");
        });
    }

    @Test
    void decodesTheListPageFromItsHeaderCharset() {
        FetchedPage utf8Claimed = new FetchedPage(
                listRequest(1),
                LIST_URL,
                200,
                "text/html; charset=UTF-8",
                "<table class=board_list><tr><td class=subject><a href=\"javascript:fn_view('가나다','N');\">x</a></td></tr></table>"
                        .getBytes(StandardCharsets.UTF_8));

        GatherResult result = connector.gather(utf8Claimed);

        assertThat(result.records()).singleElement().satisfies(record -> {
            assertThat(record.sourceRecordId()).isEqualTo("가나다");
            assertThat(record.request().url()).isEqualTo(viewUrl("%EA%B0%80%EB%82%98%EB%8B%A4"));
        });
        assertThat(result.next()).isEmpty();
    }

    @Test
    void gathersFourRecordsAndNoNextPageFromTheLastListPage() {
        GatherResult result = connector.gather(listPage(7, "list-page-7-last.html"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("WLF00000503", "WLF00000506", "WLF00000513", "WLF00000518");
        assertThat(result.next()).isEmpty();
    }

    @Test
    void asksForTheListPageAfterTheOneItWasGiven() {
        // Page 1's markup links pages 2-7; read as if it were page 6, the next one is page 7.
        GatherResult result = connector.gather(listPage(6, "list-page-1.html"));

        assertThat(result.next()).contains(listRequest(7));
    }

    @Test
    void findsNoRecordsOnAPageWithoutTheList() {
        GatherResult result = connector.gather(listPage(1, "view-table-WLF00000101.html"));

        assertThat(result.records()).isEmpty();
        assertThat(result.next()).isEmpty();
    }

    // --- record pages

    @Test
    void extractsTheTableLayoutDecodedFromTheMetaCharset() {
        RawRecord record = extracted("WLF00000101", "view-table-WLF00000101.html");

        assertThat(record.sourceRecordId()).isEqualTo("WLF00000101");
        assertThat(record.url()).isEqualTo(viewUrl("WLF00000101"));
        assertThat(record.values("title")).containsExactly("기초연금");
        assertThat(record.values("summary")).containsExactly("65세 이상 어르신에게 기초연금을 지급하여 안정적인 노후 소득 기반을 마련합니다.");
        assertThat(record.values("category")).containsExactly("생활안정");
        assertThat(record.values("supportType")).containsExactly("현금");
        assertThat(record.values("audience")).containsExactly("만 65세 이상이고 대한민국 국적을 가진 국내 거주 어르신");
        assertThat(record.values("criteria")).containsExactly("""
                가구의 소득인정액이 선정기준액 이하인 경우
                2026년 선정기준액: 단독가구 월 247만원, 부부가구 월 395만 2천원
                ※ 공무원·군인·사학·별정우체국 연금 수급권자 및 그 배우자는 원칙적으로 제외""");
        assertThat(record.values("benefits")).containsExactly("""
                단독가구 기준 월 최대 349,700원 지급
                부부가 모두 수급하는 경우 각각 20% 감액
                소득인정액 구간에 따라 차등 지급되며 매월 25일 계좌 입금""");
        assertThat(record.values("documents"))
                .containsExactly("사회보장급여 신청(변경)서", "소득·재산 신고서", "금융정보 등 제공 동의서", "신분증", "통장 사본");
        assertThat(record.values("authority")).containsExactly("보건복지부 기초연금과");
        assertThat(record.values("contact")).containsExactly("기초연금과 044-202-3216");
        assertThat(record.values("modified")).containsExactly("2026-01-05");
    }

    @Test
    void keepsLineBreaksOfAMultiLineTableCell() {
        RawRecord record = extracted("WLF00000160", "view-table-WLF00000160.html");

        assertThat(record.values("title")).containsExactly("청년수당 (구직활동 지원금)");
        assertThat(record.values("audience")).containsExactly("만 19~34세 미취업 청년\n주 30시간 미만 단기 근로 중인 청년 포함");
        assertThat(record.values("documents")).containsExactly("구직활동계획서", "건강보험료 납부확인서", "신분증", "통장 사본");
        assertThat(record.values("deadline")).containsExactly("2026.03.02. ~ 2026.03.20.");
        assertThat(record.values("modified")).containsExactly("2026-02-10");
    }

    @Test
    void extractsTheDefinitionListLayoutThroughTheFallbackSelectors() {
        RawRecord record = extracted("WLF00000116", "view-dl-WLF00000116.html");

        assertThat(record.values("title")).containsExactly("첫만남이용권");
        assertThat(record.values("category")).containsExactly("임신·출산");
        assertThat(record.values("supportType")).containsExactly("이용권");
        assertThat(record.values("audience")).containsExactly("2022년 1월 1일 이후 출생하여 출생신고를 한 아동의 보호자");
        assertThat(record.values("criteria")).containsExactly("출생신고 후 주민등록번호가 부여된 아동\n소득 기준 없음");
        assertThat(record.values("howToApply")).containsExactly("""
                주민등록상 주소지 읍면동 행정복지센터 방문 신청
                복지로(www.bokjiro.go.kr) 온라인 신청
                정부24 행복출산 원스톱 서비스 신청""");
        assertThat(record.values("deadline")).containsExactly("출생일로부터 1년 이내");
        assertThat(record.values("documents")).containsExactly("사회보장급여 신청(변경)서", "신분증", "국민행복카드 사본");
        assertThat(record.values("authority")).containsExactly("보건복지부 출산정책과");
        assertThat(record.values("contact")).containsExactly("출산정책과 044-202-3381");
        assertThat(record.values("modified")).containsExactly("2025-03-04");
    }

    @Test
    void reportsTheNoSuchRecordAlertAsASoftError() {
        ExtractResult result =
                connector.extract(ref("WLF09999999"), viewPage("WLF09999999", "view-no-such-record.html"));

        assertThat(result)
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .extracting(ExtractResult.NotAContentPage::reason)
                .asString()
                .contains("soft error", "존재하지 않는 게시물");
    }

    @Test
    void reportsATruncatedGarbagePageAsNotContent() {
        ExtractResult result = connector.extract(ref("WLF00000101"), viewPage("WLF00000101", "view-malformed.html"));

        assertThat(result)
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .extracting(ExtractResult.NotAContentPage::reason)
                .asString()
                .contains("no configured field");
    }

    @Test
    void reportsAnEmptyBodyAsNotContent() {
        FetchedPage empty =
                new FetchedPage(ref("WLF00000101").request(), viewUrl("WLF00000101"), 200, null, new byte[0]);

        assertThat(connector.extract(ref("WLF00000101"), empty)).isInstanceOf(ExtractResult.NotAContentPage.class);
    }

    // --- settings

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode mohwSettings() {
        return MohwWelfareFixtures.source().connector().settings().deepCopy();
    }

    private static SourceConnector create(String kind, JsonNode settings) {
        return Connectors.create(new ConnectorSpec(kind, BASE_URL, settings), BASE_URL);
    }

    @Test
    void rejectsAnInvalidItemSelectorAtCreation() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("list")).put("itemSelector", "table.board_list td.subject a[");

        assertThatThrownBy(() -> create("html", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("list.itemSelector")
                .hasMessageContaining("invalid CSS selector");
    }

    @Test
    void rejectsAnInvalidFieldSelectorAtCreation() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("fields"))
                .set("title", JSON.createArrayNode().add("h3.svc_tit").add("h3::"));

        assertThatThrownBy(() -> create("html", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("fields.title");
    }

    @Test
    void rejectsAnInvalidRegexInAFieldSelectorAtCreation() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("fields"))
                .set("title", JSON.createArrayNode().add("th:matchesOwn(^(서비스명$) + td"));

        assertThatThrownBy(() -> create("html", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("fields.title");
    }

    @Test
    void rejectsAnIdPatternWithoutGroupAtCreation() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("list")).put("idPattern", "fn_view\\('[^']+'");

        assertThatThrownBy(() -> create("html", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("list.idPattern")
                .hasMessageContaining("capturing group");
    }

    @Test
    void rejectsAnInvalidIdPatternAtCreation() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("list")).put("idPattern", "fn_view\\('([^']+'");

        assertThatThrownBy(() -> create("html", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("list.idPattern");
    }

    @Test
    void rejectsAnUnknownConnectorKindAtCreation() {
        assertThatThrownBy(() -> create("rss", mohwSettings()))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("unknown connector kind 'rss'");
    }

    @Test
    void rejectsAnUnknownSettingAtCreation() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("list")).put("itemSelektor", "a");

        assertThatThrownBy(() -> create("html", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("itemSelektor");
    }

    @Test
    void rejectsAMissingListPathAtCreation() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("list")).remove("path");

        assertThatThrownBy(() -> create("html", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("path");
    }

    @Test
    void rejectsABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> Connectors.create(MohwWelfareFixtures.source().connector(), "file:///tmp"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void usesTheOverriddenBaseUrlForEveryRequest() {
        SourceConnector mirrored =
                Connectors.create(MohwWelfareFixtures.source().connector(), "https://mirror.example:8443");

        assertThat(mirrored.firstPage().url()).isEqualTo("https://mirror.example:8443/portal/svc/list.do");
        assertThat(mirrored.gather(listPage(1, "list-page-1.html")).records())
                .first()
                .extracting(record -> record.request().url())
                .isEqualTo("https://mirror.example:8443/portal/svc/view.do?menuNo=200123&svcId=WLF00000101");
    }

    @Test
    void listsTheGetParametersInTheUrlOfAGetListing() {
        ObjectNode settings = mohwSettings();
        ((ObjectNode) settings.get("list")).put("method", "GET");

        PageRequest first = create("html", settings).firstPage();

        assertThat(first.method()).isEqualTo(PageRequest.Method.GET);
        assertThat(first.form()).isEmpty();
        assertThat(first.url()).startsWith(LIST_URL + "?").contains("menuNo=200123", "pageIndex=1");
    }

    @Test
    void keepsTheRecordsOfASessionStrippedPageDistinct() {
        List<String> ids = connector.gather(listPage(1, "list-page-1.html")).records().stream()
                .map(RecordRef::sourceRecordId)
                .toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(10);
    }
}
