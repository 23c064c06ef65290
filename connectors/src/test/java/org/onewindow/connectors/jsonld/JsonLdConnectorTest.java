package org.onewindow.connectors.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

class JsonLdConnectorTest {

    private static final String SOURCE = "nhis-jsonld";
    private static final String BASE_URL = "https://www.nhis.or.kr";
    private static final String LIST_URL = BASE_URL + "/nhis/svc/list.do";
    private static final String SESSION = ";jsessionid=A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6";
    private static final String SETTINGS = """
            list:
              path: /nhis/svc/list.do
              pageParameter: pageIndex
              pageLinkPattern: "pageIndex=(\\\\d+)"
              itemSelector: "ul.svc_list a[href*=svcNo]"
              idPattern: "svcNo=([A-Z0-9]+)"
              detailUrl: /nhis/svc/view.do?svcNo={id}
            """;

    private final SourceConnector connector = Fixtures.connector(JsonLdConnector.KIND, BASE_URL, SETTINGS);

    private static String viewUrl(String id) {
        return BASE_URL + "/nhis/svc/view.do?svcNo=" + id;
    }

    private static RecordRef ref(String id) {
        return new RecordRef(id, PageRequest.get(viewUrl(id)));
    }

    private static FetchedPage listPage(int page, String fileName) {
        String url = LIST_URL + "?pageIndex=" + page;
        return new FetchedPage(
                PageRequest.get(url),
                LIST_URL + SESSION + "?pageIndex=" + page,
                200,
                "text/html;charset=UTF-8",
                Fixtures.bytes(SOURCE, fileName));
    }

    private static FetchedPage viewPage(String id, String fileName) {
        return new FetchedPage(
                ref(id).request(),
                BASE_URL + "/nhis/svc/view.do" + SESSION + "?svcNo=" + id,
                200,
                "text/html",
                Fixtures.bytes(SOURCE, fileName));
    }

    private RawRecord extracted(String id) {
        ExtractResult result = connector.extract(ref(id), viewPage(id, "view-" + id + ".html"));
        return assertThat(result)
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();
    }

    private String notContent(String id, String fileName) {
        return assertThat(connector.extract(ref(id), viewPage(id, fileName)))
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .actual()
                .reason();
    }

    private static FetchedPage inline(String head) {
        return new FetchedPage(
                ref("X1").request(),
                viewUrl("X1"),
                200,
                "text/html; charset=UTF-8",
                ("<html><head>" + head + "</head><body></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    // --- listing, as the html kind reads it

    @Test
    void startsWithTheFirstListPage() {
        assertThat(connector.firstPage()).isEqualTo(PageRequest.get(LIST_URL + "?pageIndex=1"));
    }

    @Test
    void gathersTheServicesOfTheFirstListPageOnceEachAndTheLinkedNextPage() {
        GatherResult result = connector.gather(listPage(1, "list-page-1.html"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("NHIS0101", "NHIS0205", "NHIS0311");
        assertThat(result.records()).first().isEqualTo(ref("NHIS0101"));
        assertThat(result.next()).contains(PageRequest.get(LIST_URL + "?pageIndex=2"));
    }

    @Test
    void stopsAtTheLastListPage() {
        GatherResult result = connector.gather(listPage(2, "list-page-2-last.html"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("NHIS0402", "NHIS0517", "NOTICE0031");
        assertThat(result.next()).isEmpty();
    }

    // --- record pages

    @Test
    void flattensAGovernmentServiceBlockBesideABreadcrumbBlock() {
        RawRecord record = extracted("NHIS0101");

        assertThat(record.sourceRecordId()).isEqualTo("NHIS0101");
        assertThat(record.url()).isEqualTo(viewUrl("NHIS0101"));
        assertThat(record.values("name")).containsExactly("일반건강검진");
        assertThat(record.values("name@en")).containsExactly("General Health Screening");
        assertThat(record.values("alternateName")).containsExactly("국가건강검진");
        assertThat(record.values("description"))
                .singleElement()
                .asString()
                .startsWith("건강보험 가입자와 피부양자, 의료급여수급권자에게 2년마다");
        assertThat(record.values("serviceType")).containsExactly("건강검진");
        assertThat(record.values("category")).containsExactly("건강", "건강검진");
        assertThat(record.values("audience")).containsExactly("지역가입자 세대주 및 만 20세 이상 세대원", "직장가입자 및 만 20세 이상 피부양자");
        assertThat(record.values("provider.name")).containsExactly("국민건강보험공단");
        assertThat(record.values("areaServed")).containsExactly("대한민국");
        assertThat(record.values("availableChannel.serviceUrl"))
                .containsExactly("https://www.nhis.or.kr/nhis/healthin/wbhace01700m01.do");
        assertThat(record.values("availableChannel.servicePhone.telephone")).containsExactly("1577-1000");
        assertThat(record.values("termsOfService"))
                .containsExactly("https://www.nhis.or.kr/nhis/etc/wbhaea01500m01.do");
        assertThat(record.values("inLanguage")).containsExactly("ko");
        assertThat(record.values("url")).containsExactly("https://www.nhis.or.kr/nhis/svc/view.do?svcNo=NHIS0101");
        assertThat(record.values("dateModified")).containsExactly("2026-01-15");
        assertThat(record.values("identifier")).containsExactly("NHIS0101");
    }

    @Test
    void findsTheServiceInAGraphAndResolvesReferencesToOtherNodes() {
        RawRecord record = extracted("NHIS0205");

        assertThat(record.values("name")).containsExactly("본인부담상한제");
        assertThat(record.values("alternateName")).containsExactly("본인부담금 상한제");
        assertThat(record.values("alternateName@en")).containsExactly("Out-of-Pocket Maximum");
        assertThat(record.values("provider.name"))
                .as("provider is a reference to the Organization node")
                .containsExactly("국민건강보험공단");
        assertThat(record.values("serviceType")).containsExactly("의료비 환급");
        assertThat(record.values("audience")).containsExactly("연간 본인부담금이 상한액을 초과한 건강보험 가입자 및 피부양자");
        assertThat(record.values("areaServed")).containsExactly("대한민국");
        assertThat(record.values("availableChannel.serviceUrl"))
                .containsExactly("https://www.nhis.or.kr/nhis/minwon/wbhacc02400m01.do");
        assertThat(record.values("availableChannel.servicePhone.telephone")).containsExactly("1577-1000");
        assertThat(record.values("category")).containsExactly("보험급여");
        assertThat(record.values("termsOfService")).containsExactly("https://www.law.go.kr/법령/국민건강보험법/제44조");
        assertThat(record.values("inLanguage")).containsExactly("ko");
        assertThat(record.values("identifier")).containsExactly("NHIS0205");
        assertThat(record.values("dateModified")).containsExactly("2026-01-02T10:20:00+09:00");
        assertThat(record.fields())
                .as("the WebPage's name is not the service's")
                .doesNotContainValue(List.of("본인부담상한제 | 국민건강보험공단"));
    }

    @Test
    void skipsABlockThatIsNotJsonAndReadsAServiceFromAnArrayBlock() {
        RawRecord record = extracted("NHIS0311");

        assertThat(record.values("name")).containsExactly("임신·출산 진료비 지원");
        assertThat(record.values("alternateName@en"))
                .containsExactly("Pregnancy and Childbirth Medical Expense Support");
        assertThat(record.values("description")).containsExactly("""
                임신·출산과 관련한 진료비 부담을 덜기 위해 국민행복카드로 임신 1회당 100만원(다태아 140만원)을 지원합니다.
                분만취약지 거주 임산부는 20만원을 추가 지원합니다.""");
        assertThat(record.values("serviceType")).containsExactly("이용권");
        assertThat(record.values("audience")).containsExactly("건강보험 가입자 또는 피부양자 중 임신·출산이 확인된 사람", "2세 미만 영유아의 법정대리인");
        assertThat(record.values("provider.name")).containsExactly("국민건강보험공단");
        assertThat(record.values("areaServed")).containsExactly("대한민국 전역");
        assertThat(record.values("availableChannel.serviceUrl"))
                .as("an @id value")
                .containsExactly("https://www.nhis.or.kr/nhis/minwon/wbhaca03200m01.do");
        assertThat(record.values("availableChannel.servicePhone.telephone"))
                .as("a plain phone")
                .containsExactly("1577-1000");
        assertThat(record.values("category")).containsExactly("임신·출산");
        assertThat(record.values("identifier")).containsExactly("311");
        assertThat(record.values("dateModified")).containsExactly("2025-12-22");
    }

    @Test
    void reportsAPageWhoseOnlyBlockIsNotJson() {
        assertThat(notContent("NHIS0402", "view-broken-jsonld.html"))
                .contains("JSON-LD block is not JSON")
                .contains("block 1 of 1");
    }

    @Test
    void reportsAPageWithoutAServiceNamingWhatItHolds() {
        assertThat(notContent("NOTICE0031", "view-NOTICE0031-no-service.html"))
                .contains("no schema.org GovernmentService or Service")
                .contains("WebPage", "GovernmentOrganization");
    }

    @Test
    void reportsAPageWithoutJsonLd() {
        assertThat(notContent("NHIS0101", "list-page-2-last.html")).isEqualTo("no JSON-LD block on the page");
    }

    @Test
    void reportsBothTheBrokenBlockAndTheMissingServiceWhenTheValidBlocksHoldNone() {
        FetchedPage page = inline("""
                <script type="application/ld+json">{"@type":"WebSite","name":"국민건강보험공단"}</script>
                <script type="application/ld+json">{"@type":"GovernmentService","name":"일반건강검진",</script>""");

        assertThat(connector.extract(ref("X1"), page))
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .extracting(ExtractResult.NotAContentPage::reason)
                .asString()
                .contains("JSON-LD block is not JSON (block 2 of 2", "types found: WebSite");
    }

    @Test
    void prefersAGovernmentServiceToAServiceMetEarlier() {
        FetchedPage page = inline("""
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"국민건강보험공단",
                  "hasOfferCatalog":{"@type":"OfferCatalog","itemListElement":[{"@type":"Service","name":"콜센터 상담"}]}}</script>
                <script type="application/ld+json">{"@context":"https://schema.org","@type":["GovernmentService"],"name":"요양비 지원"}</script>""");

        RawRecord record = assertThat(connector.extract(ref("X1"), page))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();

        assertThat(record.values("name")).containsExactly("요양비 지원");
    }

    @Test
    void recognisesPrefixedAndFullTypeNames() {
        FetchedPage prefixed = inline(
                "<script type=\"application/ld+json\">{\"@type\":\"schema:GovernmentService\",\"name\":\"가\"}</script>");
        FetchedPage full = inline(
                "<script type=\"Application/LD+JSON; charset=utf-8\">{\"@type\":\"http://schema.org/Service\",\"name\":\"나\"}</script>");

        assertThat(connector.extract(ref("X1"), prefixed))
                .isInstanceOfSatisfying(
                        ExtractResult.Extracted.class,
                        e -> assertThat(e.record().values("name")).containsExactly("가"));
        assertThat(connector.extract(ref("X1"), full))
                .isInstanceOfSatisfying(
                        ExtractResult.Extracted.class,
                        e -> assertThat(e.record().values("name")).containsExactly("나"));
    }

    @Test
    void readsABlockWrappedInAnHtmlComment() {
        FetchedPage page = inline(
                "<script type=\"application/ld+json\"><!--\n{\"@type\":\"GovernmentService\",\"name\":\"건강보험료 경감\"}\n--></script>");

        assertThat(connector.extract(ref("X1"), page))
                .isInstanceOfSatisfying(
                        ExtractResult.Extracted.class,
                        e -> assertThat(e.record().values("name")).containsExactly("건강보험료 경감"));
    }

    // --- settings

    @Test
    void rejectsSettingsWithoutAList() {
        assertThatThrownBy(() -> Fixtures.connector(JsonLdConnector.KIND, BASE_URL, "{}"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("list");
    }

    @Test
    void rejectsAnInvalidItemSelectorAsTheHtmlKindDoes() {
        assertThatThrownBy(() -> Fixtures.connector(
                        JsonLdConnector.KIND, BASE_URL, "list: {path: /l.do, itemSelector: 'ul a['}"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("list.itemSelector");
    }

    @Test
    void rejectsFieldSelectorsItDoesNotUse() {
        assertThatThrownBy(() -> Fixtures.connector(
                        JsonLdConnector.KIND,
                        BASE_URL,
                        "{list: {path: /l.do, itemSelector: a}, fields: {title: [h1]}}"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("fields");
    }
}
