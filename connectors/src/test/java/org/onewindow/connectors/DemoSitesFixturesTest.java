package org.onewindow.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.AgencyType;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * The bundled mapping files of the API, feed and JSON-LD sources, run without the harvester: documents saved from
 * their demo sites ({@code fixtures/<source>/demo-*}) → the file's connector → its field rules → valid records.
 */
class DemoSitesFixturesTest {

    private static final String KEY = "OneWindowDemo+Gov24/ServiceKey==";
    private final MappingEngine engine = new MappingEngine();

    private static SourceDefinition source(String id) {
        return BundledSources.readAll().stream()
                .filter(file -> file.fileName().equals(BundledSources.FOLDER + id + ".yaml"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundled mapping file " + id + ".yaml"))
                .result()
                .definition();
    }

    private static SourceConnector connector(SourceDefinition source, String baseUrl) {
        return Connectors.create(source.connector(), baseUrl, Map.of("ONEWINDOW_SECRET_GOV24_KEY", KEY)::get);
    }

    private static RawRecord extracted(SourceConnector connector, RecordRef ref, FetchedPage page) {
        return assertThat(connector.extract(ref, page))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();
    }

    private ServiceRecord valid(SourceDefinition source, RawRecord raw) {
        MappingResult result = engine.map(source, raw);
        assertThat(result.problems()).as(raw.sourceRecordId()).isEmpty();
        assertThat(result.warnings()).as(raw.sourceRecordId()).isEmpty();
        ServiceRecord record = result.record();
        assertThat(record.name().ko()).isNotBlank().doesNotContain("\uFFFD");
        assertThat(record.summary().ko()).isNotBlank().doesNotContain("\uFFFD");
        assertThat(record.url()).matches("https?://.+");
        assertThat(record.competentAuthority().name()).isNotBlank();
        assertThat(record.licence().type()).isEqualTo("KOGL-1");
        return record;
    }

    @Test
    void gov24ApiListAndDetailMapToRecordsOfTheirOwnAuthority() {
        SourceDefinition source = source("gov24-api");
        String base = "http://127.0.0.1:8090";
        SourceConnector connector = connector(source, base);
        PageRequest first = connector.firstPage();
        assertThat(first.url())
                .startsWith(base + "/api/gov24/v3/serviceList?")
                .contains("page=1", "perPage=20", "serviceKey=");

        GatherResult page1 = connector.gather(new FetchedPage(
                first,
                first.url(),
                200,
                "application/json;charset=UTF-8",
                Fixtures.bytes("gov24-api", "demo-service-list-page-1.json")));
        assertThat(page1.records()).hasSize(20);
        assertThat(page1.next())
                .hasValueSatisfying(next -> assertThat(next.url()).contains("page=2"));

        PageRequest third = new PageRequest(first.url().replace("page=1", "page=3"), PageRequest.Method.GET, Map.of());
        GatherResult page3 = connector.gather(new FetchedPage(
                third,
                third.url(),
                200,
                "application/json;charset=UTF-8",
                Fixtures.bytes("gov24-api", "demo-service-list-page-3-last.json")));
        assertThat(page3.records()).hasSize(20);
        assertThat(page3.next()).isEmpty();

        RecordRef ref = page3.records().get(0);
        assertThat(ref.sourceRecordId()).isEqualTo("154300000074");
        RawRecord raw = extracted(
                connector,
                ref,
                new FetchedPage(
                        ref.request(),
                        ref.request().url(),
                        200,
                        "application/json;charset=UTF-8",
                        Fixtures.bytes("gov24-api", "demo-service-detail-154300000074.json")));
        ServiceRecord record = valid(source, raw);

        assertThat(record.id()).isEqualTo("gov24-api~154300000074");
        assertThat(record.url()).isEqualTo("https://www.gov.kr/portal/rcvfvrSvc/dtlEx/154300000074");
        assertThat(record.name().ko()).isEqualTo("농식품바우처");
        assertThat(record.competentAuthority().name()).isEqualTo("농림축산식품부");
        assertThat(record.supportType()).isEqualTo("이용권");
        assertThat(record.requiredDocuments()).containsExactly("신청서", "개인정보 제공 동의서");
        assertThat(record.onlineApplicationUrl()).isEqualTo("https://www.mafra.go.kr");
        assertThat(record.lifeEvents()).containsExactly("pregnancy-childbirth", "infancy");
        assertThat(record.region()).containsExactly("KR");
        assertThat(record.lastModified()).isEqualTo(LocalDate.of(2023, 1, 11));
        assertThat(record.popularity()).isPositive(); // 조회수: from the list entry only
        assertThat(record.description().ko()).isNotBlank();
        assertThat(connector.redact(ref.request().url()))
                .doesNotContain("Gov24")
                .contains("****");
    }

    @Test
    void gov24ApiEntriesOfTheListMapWithTheirListFieldsAlone() {
        SourceDefinition source = source("gov24-api");
        SourceConnector connector = connector(source, "http://127.0.0.1:8090");
        PageRequest first = connector.firstPage();
        List<RecordRef> refs = connector
                .gather(new FetchedPage(
                        first,
                        first.url(),
                        200,
                        "application/json",
                        Fixtures.bytes("gov24-api", "demo-service-list-page-1.json")))
                .records();
        for (RecordRef ref : refs) {
            ServiceRecord record = valid(source, extracted(connector, ref, null));
            assertThat(record.competentAuthority().name()).isNotEqualTo("행정안전부");
        }
    }

    @Test
    void jongnoGuFeedItemsInEucKrMapToDistrictRecords() {
        SourceDefinition source = source("jongno-gu-feed");
        String base = "http://127.0.0.1:8091";
        SourceConnector connector = connector(source, base);
        assertThat(connector.completeListing()).isFalse();
        PageRequest feed = connector.firstPage();
        assertThat(feed.url()).isEqualTo(base + "/rss/service.xml");

        GatherResult items = connector.gather(new FetchedPage(
                feed, feed.url(), 200, "text/xml", Fixtures.bytes("jongno-gu-feed", "demo-rss-euc-kr.xml")));
        assertThat(items.records()).hasSize(50);
        assertThat(items.next()).isEmpty();

        List<ServiceRecord> records = items.records().stream()
                .map(ref -> {
                    assertThat(ref.request()).isNull(); // fetchItemPages: false, the item is the record
                    return valid(source, extracted(connector, ref, null));
                })
                .toList();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.url()).startsWith(base + "/portal/bbs/selectBoardArticle.do?");
            assertThat(record.competentAuthority().name()).isEqualTo("서울특별시 종로구");
            assertThat(record.competentAuthority().type()).isEqualTo(AgencyType.LOCAL);
            assertThat(record.region()).containsExactly("11110");
            assertThat(record.categories()).hasSize(1);
            assertThat(record.supportType()).isNotBlank();
            assertThat(record.audience()).isNotBlank();
            assertThat(record.benefits()).isNotBlank();
            assertThat(record.description().ko()).isNotBlank().doesNotContain("지원대상:");
            assertThat(record.lastModified()).isNotNull();
        });
        assertThat(records)
                .extracting(ServiceRecord::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("jongno-gu-feed~JN"));
        ServiceRecord first = records.get(0);
        assertThat(first.name().ko()).isEqualTo("아동수당 (종로구)");
        assertThat(first.lastModified()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(first.competentAuthority().department()).isEqualTo("가족정책과");
        assertThat(records).filteredOn(record -> record.eligibility() == null).isNotEmpty(); // items without 선정기준
    }

    @Test
    void nhisListPagesAndJsonLdServicePagesMapToRecords() {
        SourceDefinition source = source("nhis-jsonld");
        String base = "http://127.0.0.1:8092";
        SourceConnector connector = connector(source, base);
        PageRequest first = connector.firstPage();
        assertThat(first.url()).isEqualTo(base + "/nhis/svc/list.do?pageIndex=1");

        GatherResult page1 = connector.gather(new FetchedPage(
                first,
                first.url(),
                200,
                "text/html;charset=UTF-8",
                Fixtures.bytes("nhis-jsonld", "demo-list-page-1.html")));
        assertThat(page1.records()).hasSize(10);
        assertThat(page1.records().get(1).sourceRecordId()).isEqualTo("NHIS_0016");
        assertThat(page1.next())
                .hasValueSatisfying(next -> assertThat(next.url()).isEqualTo(base + "/nhis/svc/list.do?pageIndex=2"));
        PageRequest last = PageRequest.get(base + "/nhis/svc/list.do?pageIndex=5");
        GatherResult page5 = connector.gather(new FetchedPage(
                last,
                last.url(),
                200,
                "text/html;charset=UTF-8",
                Fixtures.bytes("nhis-jsonld", "demo-list-page-5-last.html")));
        assertThat(page5.records()).hasSize(10);
        assertThat(page5.next()).isEmpty();

        RecordRef screening = page1.records().get(1);
        ServiceRecord record = valid(
                source,
                extracted(
                        connector,
                        screening,
                        new FetchedPage(
                                screening.request(),
                                screening.request().url(),
                                200,
                                "text/html;charset=UTF-8",
                                Fixtures.bytes("nhis-jsonld", "demo-view-NHIS_0016.html"))));
        assertThat(record.id()).isEqualTo("nhis-jsonld~NHIS_0016");
        assertThat(record.url()).isEqualTo(base + "/nhis/svc/view.do?svcNo=NHIS_0016");
        assertThat(record.name().ko()).isEqualTo("영유아 건강검진");
        assertThat(record.name().en()).isEqualTo("Infant and Child Health Screening");
        assertThat(record.summary().en()).isNotBlank();
        assertThat(record.supportType()).isEqualTo("서비스");
        assertThat(record.categories()).containsExactly("보건·의료");
        assertThat(record.competentAuthority().name()).isEqualTo("국민건강보험공단");
        assertThat(record.competentAuthority().type()).isEqualTo(AgencyType.PUBLIC_INSTITUTION);
        assertThat(record.onlineApplicationUrl()).startsWith("https://www.nhis.or.kr/");
        assertThat(record.region()).containsExactly("KR");
        assertThat(record.lastModified()).isEqualTo(LocalDate.of(2023, 10, 27));

        RecordRef hospice = new RecordRef("NHIS_0210", PageRequest.get(base + "/nhis/svc/view.do?svcNo=NHIS_0210"));
        ServiceRecord withoutCriteria = valid(
                source,
                extracted(
                        connector,
                        hospice,
                        new FetchedPage(
                                hospice.request(),
                                hospice.request().url(),
                                200,
                                "text/html;charset=UTF-8",
                                Fixtures.bytes("nhis-jsonld", "demo-view-NHIS_0210.html"))));
        assertThat(withoutCriteria.name().ko()).isEqualTo("호스피스·완화의료");
        assertThat(withoutCriteria.name().en()).isNull();
    }
}
