package org.onewindow.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.Charset;
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

class FeedConnectorTest {

    private static final String SOURCE = "jongno-gu-feed";
    private static final String BASE_URL = "https://www.jongno.go.kr";
    private static final String RSS_URL = BASE_URL + "/portal/rss/welfare.xml";
    private static final String ATOM_URL = BASE_URL + "/portal/rss/welfare.atom";
    private static final String ARTICLE =
            BASE_URL + "/portal/bbs/selectBoardArticle.do?bbsId=BBSMSTR_000000000271&nttId=";

    private final SourceConnector rss = connector("path: /portal/rss/welfare.xml");
    private final SourceConnector atom = connector("path: /portal/rss/welfare.atom");

    private static SourceConnector connector(String settings) {
        return Fixtures.connector(FeedConnector.KIND, BASE_URL, settings);
    }

    private static FetchedPage feed(String url, String fileName, String contentType) {
        return new FetchedPage(PageRequest.get(url), url, 200, contentType, Fixtures.bytes(SOURCE, fileName));
    }

    private static FetchedPage rssPage(String fileName) {
        return feed(RSS_URL, fileName, "application/rss+xml");
    }

    private static FetchedPage inline(String xml) {
        return new FetchedPage(
                PageRequest.get(RSS_URL), RSS_URL, 200, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static RawRecord record(SourceConnector connector, RecordRef ref, FetchedPage page) {
        return assertThat(connector.extract(ref, page))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();
    }

    private List<RecordRef> rssItems() {
        return rss.gather(rssPage("rss.xml")).records();
    }

    private RawRecord rssRecord(int index) {
        return record(rss, rssItems().get(index), null);
    }

    private List<RawRecord> atomRecords() {
        return atom.gather(feed(ATOM_URL, "atom.xml", "application/atom+xml")).records().stream()
                .map(ref -> record(atom, ref, null))
                .toList();
    }

    // --- RSS 2.0

    @Test
    void readsTheFeedAtItsPath() {
        assertThat(rss.firstPage()).isEqualTo(PageRequest.get(RSS_URL));
    }

    @Test
    void isNeverACompleteListing() {
        assertThat(rss.completeListing()).isFalse();
    }

    @Test
    void gathersEveryItemIdentifiedByGuidElseLinkWithoutSessionIds() {
        GatherResult result = rss.gather(rssPage("rss.xml"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly(
                        "jongno-welfare-270001",
                        ARTICLE + "270014&menuNo=1756", // a permalink guid, session id stripped
                        ARTICLE + "270022&menuNo=1756", // no guid: the link, made absolute, session id stripped
                        "jongno-welfare-270031");
        assertThat(result.next()).isEmpty();
    }

    @Test
    void takesEachItemAsTheWholeRecordByDefault() {
        assertThat(rssItems()).allSatisfy(ref -> assertThat(ref.needsFetch()).isFalse());
    }

    @Test
    void extractsTheFieldsOfAnItem() {
        RawRecord record = rssRecord(0);

        assertThat(record.sourceRecordId()).isEqualTo("jongno-welfare-270001");
        assertThat(record.url()).isEqualTo(ARTICLE + "270001&menuNo=1756");
        assertThat(record.values("title")).containsExactly("종로구 출산축하금 지원 안내");
        assertThat(record.values("link")).containsExactly(ARTICLE + "270001&menuNo=1756");
        assertThat(record.values("guid")).containsExactly("jongno-welfare-270001");
        assertThat(record.values("category")).containsExactly("임신·출산", "복지");
        assertThat(record.values("published")).containsExactly("2026-01-05");
    }

    @Test
    void turnsTheHtmlDescriptionIntoPlainTextLines() {
        assertThat(rssRecord(0).values("description")).containsExactly("""
                출산 가정의 양육 부담을 덜기 위해 출산축하금을 지급합니다.
                지원대상: 출생일 기준 6개월 이상 종로구에 주민등록을 둔 부 또는 모
                지원내용: 첫째 30만원, 둘째 50만원, 셋째 이상 100만원
                문의: 가족정책과 02-2148-2114""");
        assertThat(rssRecord(1).values("description")).containsExactly("""
                부모와 따로 사는 만 19~34세 무주택 청년에게 월 최대 20만원을 최장 12개월 지원합니다.
                신청: 복지로 또는 동 주민센터""");
    }

    @Test
    void readsEncodedContentAndTheDublinCoreCreator() {
        RawRecord record = rssRecord(2);

        assertThat(record.values("content"))
                .singleElement()
                .asString()
                .startsWith("어르신 목욕·이미용비 지원\n2026년 2월부터 지원 대상이 차상위계층까지 확대됩니다.")
                .contains("만 65세 이상 기초생활수급자 및 차상위계층 어르신")
                .doesNotContain("<");
        assertThat(record.values("author")).containsExactly("어르신복지과");
        assertThat(record.url()).isEqualTo(ARTICLE + "270022&menuNo=1756");
    }

    @Test
    void datesItemsOnTheDayTheyWereWrittenWhateverTheZoneOrWeekday() {
        assertThat(rssRecord(1).values("published")).as("KST").containsExactly("2026-01-13");
        assertThat(rssRecord(2).values("published"))
                .as("23:40 +0900 is still the 21st in Seoul")
                .containsExactly("2026-01-21");
        assertThat(rssRecord(3).values("published"))
                .as("2 February 2026 was a Monday, not a Tuesday")
                .containsExactly("2026-02-02");
    }

    @Test
    void reportsTheItemWithAnImpossibleDateAndKeepsTheOthers() {
        List<RecordRef> refs = rss.gather(rssPage("rss-impossible-date.xml")).records();

        assertThat(refs)
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("jongno-welfare-270031", "jongno-welfare-270035", "jongno-welfare-270001");
        assertThat(rss.extract(refs.get(1), null))
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .extracting(ExtractResult.NotAContentPage::reason)
                .asString()
                .contains("pubDate", "Mon, 31 Feb 2026 10:00:00 +0900");
        assertThat(record(rss, refs.get(0), null).values("published")).containsExactly("2026-02-02");
        assertThat(record(rss, refs.get(2), null).values("published")).containsExactly("2026-01-05");
    }

    @Test
    void carriesTheItemsProblemUnderTheReservedListField() {
        RecordRef broken =
                rss.gather(rssPage("rss-impossible-date.xml")).records().get(1);

        assertThat(broken.listFields().get(FeedConnector.PROBLEM_FIELD))
                .singleElement()
                .asString()
                .contains("31 Feb");
        assertThat(broken.needsFetch()).isFalse();
    }

    @Test
    void malformedXmlIsUnreadableNamingTheLineAndTheReason() {
        Fixtures.assertUnreadable(rss.gather(rssPage("rss-malformed.xml")))
                .startsWith("feed: not well-formed XML (line 9")
                .contains("nttId");
    }

    @Test
    void refusesADoctypeSoNoExternalEntityIsEverRead() {
        Fixtures.assertUnreadable(rss.gather(rssPage("rss-xxe.xml")))
                .contains("DOCTYPE")
                .doesNotContain("root:");
    }

    @Test
    void refusesAnInternalEntityExpansionToo() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <rss version="2.0"><channel><item><title>&b;</title><guid>x</guid></item></channel></rss>""";

        Fixtures.assertUnreadable(rss.gather(inline(laughs))).contains("DOCTYPE");
    }

    @Test
    void aDocumentThatIsNoFeedIsUnreadable() {
        FetchedPage maintenance =
                inline("<html><head><title>시스템 점검 안내</title></head><body><p>서비스 점검 중입니다.</p></body></html>");

        Fixtures.assertUnreadable(rss.gather(maintenance))
                .contains("not an RSS 2.0 or Atom feed")
                .contains("<html>");
    }

    @Test
    void decodesAFeedByItsXmlDeclarationReadingEucKrAsMs949() {
        FetchedPage page = feed(BASE_URL + "/samcheong/rss.xml", "rss-euc-kr.xml", "text/xml");

        RecordRef ref = rss.gather(page).records().get(0);

        assertThat(record(rss, ref, null).values("title")).containsExactly("똠방골 어린이공원 물놀이터 개장 안내");
        assertThat(record(rss, ref, null).values("published")).containsExactly("2026-07-01");
    }

    @Test
    void prefersTheHeaderCharsetOverTheXmlDeclaration() {
        byte[] body =
                "<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss version=\"2.0\"><channel><item><guid>g1</guid><title>청년 월세</title></item></channel></rss>"
                        .getBytes(StandardCharsets.UTF_8);
        FetchedPage page =
                new FetchedPage(PageRequest.get(RSS_URL), RSS_URL, 200, "application/rss+xml; charset=UTF-8", body);

        assertThat(record(rss, rss.gather(page).records().get(0), null).values("title"))
                .containsExactly("청년 월세");
    }

    @Test
    void keepsTheFirstOfAnItemAnnouncedTwice() {
        FetchedPage page = inline("""
                <rss version="2.0"><channel>
                  <item><guid>g1</guid><title>변경된 제목</title></item>
                  <item><guid>g1</guid><title>처음 제목</title></item>
                </channel></rss>""");

        List<RecordRef> refs = rss.gather(page).records();

        assertThat(refs)
                .singleElement()
                .satisfies(ref -> assertThat(ref.listFields().get("title")).containsExactly("변경된 제목"));
    }

    @Test
    void reportsAnItemWithoutGuidOrLinkInsteadOfDroppingIt() {
        FetchedPage page = inline("""
                <rss version="2.0"><channel>
                  <item><guid>g1</guid><title>제목</title></item>
                  <item><title>링크 없는 소식</title></item>
                </channel></rss>""");

        List<RecordRef> refs = rss.gather(page).records();

        assertThat(refs).extracting(RecordRef::sourceRecordId).containsExactly("g1", "feed-item-2");
        assertThat(rss.extract(refs.get(1), null))
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .extracting(ExtractResult.NotAContentPage::reason)
                .asString()
                .contains("no guid, id or link");
    }

    // --- fetching item pages

    @Test
    void asksForEachItemsPageWhenConfigured() {
        SourceConnector fetching = connector("{path: /portal/rss/welfare.xml, fetchItemPages: true}");

        List<RecordRef> refs = fetching.gather(rssPage("rss.xml")).records();

        assertThat(refs)
                .extracting(ref -> ref.request().url())
                .containsExactly(
                        ARTICLE + "270001&menuNo=1756",
                        ARTICLE + "270014&menuNo=1756",
                        ARTICLE + "270022&menuNo=1756",
                        ARTICLE + "270031&menuNo=1756");
    }

    @Test
    void addsTheFetchedPagesTitleToTheItemsFields() {
        SourceConnector fetching = connector("{path: /portal/rss/welfare.xml, fetchItemPages: true}");
        RecordRef ref = fetching.gather(rssPage("rss.xml")).records().get(0);
        byte[] html = "<html><head><meta charset=\"euc-kr\"><title>출산축하금 | 종로구청</title></head><body>…</body></html>"
                .getBytes(Charset.forName("x-windows-949"));
        FetchedPage page = new FetchedPage(ref.request(), ref.request().url(), 200, "text/html", html);

        RawRecord record = record(fetching, ref, page);

        assertThat(record.values("pageTitle")).containsExactly("출산축하금 | 종로구청");
        assertThat(record.values("title")).containsExactly("종로구 출산축하금 지원 안내");
        assertThat(record.url()).isEqualTo(ARTICLE + "270001&menuNo=1756");
    }

    @Test
    void fetchesNoPageForAnItemWithAProblem() {
        SourceConnector fetching = connector("{path: /portal/rss/welfare.xml, fetchItemPages: true}");

        List<RecordRef> refs =
                fetching.gather(rssPage("rss-impossible-date.xml")).records();

        assertThat(refs).extracting(RecordRef::needsFetch).containsExactly(true, false, true);
    }

    // --- Atom

    @Test
    void identifiesAtomEntriesByTheirIds() {
        List<RecordRef> refs =
                atom.gather(feed(ATOM_URL, "atom.xml", "application/atom+xml")).records();

        assertThat(refs)
                .extracting(RecordRef::sourceRecordId)
                .containsExactly(
                        "tag:jongno.go.kr,2026:welfare/JN-2026-0001",
                        "tag:jongno.go.kr,2026:welfare/JN-2026-0007",
                        "tag:jongno.go.kr,2026:welfare/JN-2026-0012");
    }

    @Test
    void readsAnAtomEntrysAlternateLinkResolvedAndWithoutSessionId() {
        List<RawRecord> records = atomRecords();

        assertThat(records)
                .extracting(RawRecord::url)
                .containsExactly(
                        BASE_URL + "/portal/welfare/view.do?svcId=JN-2026-0001",
                        BASE_URL + "/portal/welfare/view.do?svcId=JN-2026-0007",
                        BASE_URL + "/portal/welfare/view.do?svcId=JN-2026-0012");
    }

    @Test
    void readsAtomTextConstructsOfEveryTypeAsPlainText() {
        List<RawRecord> records = atomRecords();

        assertThat(records.get(0).values("summary")).containsExactly("출산 가정에 출산축하금을 지급합니다.\n셋째 이상 100만원으로 인상");
        assertThat(records.get(1).values("title")).containsExactly("어르신 무더위쉼터 운영");
        assertThat(records.get(1).values("content"))
                .containsExactly("폭염 기간 동안 경로당 54곳을 무더위쉼터로 운영합니다.\n운영시간: 09:00~18:00\n문의: 어르신복지과 02-2148-2511");
        assertThat(records.get(2).values("content")).containsExactly("관내 중학생 1인당 연 10만원 진로체험 바우처를 지급합니다.");
    }

    @Test
    void readsAtomDatesCategoriesAndAuthors() {
        List<RawRecord> records = atomRecords();

        assertThat(records.get(0).values("published")).containsExactly("2026-01-05");
        assertThat(records.get(0).values("updated")).containsExactly("2026-02-10");
        assertThat(records.get(0).values("category")).containsExactly("임신·출산");
        assertThat(records.get(0).values("author")).containsExactly("가족정책과");
        assertThat(records.get(0).values("id")).containsExactly("tag:jongno.go.kr,2026:welfare/JN-2026-0001");
        assertThat(records.get(1).fields()).doesNotContainKey("published");
        assertThat(records.get(1).values("updated")).containsExactly("2026-01-28");
        assertThat(records.get(1).values("category")).containsExactly("노인");
        assertThat(records.get(2).values("category")).containsExactly("청소년", "교육");
    }

    @Test
    void reportsAnAtomEntryWithAnImpossibleDate() {
        FetchedPage page = new FetchedPage(
                PageRequest.get(ATOM_URL), ATOM_URL, 200, "application/atom+xml", """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry><id>urn:e1</id><title>a</title><updated>2026-02-30T09:00:00+09:00</updated></entry>
                  <entry><id>urn:e2</id><title>b</title><updated>2026-02-27T09:00:00+09:00</updated></entry>
                </feed>""".getBytes(StandardCharsets.UTF_8));

        List<RecordRef> refs = atom.gather(page).records();

        assertThat(atom.extract(refs.get(0), null))
                .asInstanceOf(type(ExtractResult.NotAContentPage.class))
                .extracting(ExtractResult.NotAContentPage::reason)
                .asString()
                .contains("updated", "2026-02-30T09:00:00+09:00");
        assertThat(record(atom, refs.get(1), null).values("updated")).containsExactly("2026-02-27");
    }

    // --- settings

    @Test
    void rejectsSettingsWithoutAPath() {
        assertThatThrownBy(() -> connector("fetchItemPages: true"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("path");
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertThatThrownBy(() -> connector("{path: /rss.xml, htmlSelectors: {title: h1}}"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("htmlSelectors");
    }
}
