package org.onewindow.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.jsonld.JsonLdConnector;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.html.DisplayHtml;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * A source never supplies a display rendition: a field name from the document that ends in {@code #html} (a JSON
 * key, a language tag) is not taken, so only a connector's own sanitised markup can become a record's HTML.
 */
class SourceRenditionsTest {

    private static final String JSON = "application/json;charset=UTF-8";

    private static RawRecord extracted(SourceConnector connector, RecordRef ref, FetchedPage page) {
        return assertThat(connector.extract(ref, page))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();
    }

    private static void assertNoRenditionIn(Map<String, ?> fields) {
        assertThat(fields.keySet()).noneMatch(name -> name.endsWith(ServiceRecord.HTML_SUFFIX));
    }

    @Test
    void jsonApiKeysEndingInHtmlNeverBecomeARecordsHtml() {
        SourceDefinition source = Fixtures.bundledSource("gov24-api");
        SourceConnector connector = Connectors.create(
                source.connector(), "https://api.odcloud.kr", Map.of("ONEWINDOW_SECRET_GOV24_KEY", "key")::get);
        PageRequest first = connector.firstPage();
        GatherResult list = connector.gather(new FetchedPage(
                first, first.url(), 200, JSON, Fixtures.bytes("gov24-api", "service-list-hostile-html-keys.json")));
        RecordRef ref = list.records().get(0);
        assertNoRenditionIn(ref.listFields());

        RawRecord raw = extracted(
                connector,
                ref,
                new FetchedPage(
                        ref.request(),
                        ref.request().url(),
                        200,
                        JSON,
                        Fixtures.bytes("gov24-api", "service-detail-hostile-html-key.json")));
        ServiceRecord record = new MappingEngine().map(source, raw).record();

        assertNoRenditionIn(raw.fields());
        assertThat(record.description().ko()).isEqualTo("상세가 보낸 목적");
        assertThat(record.audience()).isEqualTo("목록이 보낸 대상");
        assertThat(record.html()).isEmpty();
        assertThat(record.html().values()).allMatch(DisplayHtml::isSafe);
    }

    @Test
    void jsonLdLanguageTagsCannotNameARendition() {
        SourceConnector connector = Fixtures.connector(JsonLdConnector.KIND, "https://www.nhis.or.kr", """
                list:
                  path: /nhis/svc/list.do
                  itemSelector: "ul.svc_list a[href*=svcNo]"
                  idPattern: "svcNo=([A-Z0-9]+)"
                  detailUrl: /nhis/svc/view.do?svcNo={id}
                """);
        String url = "https://www.nhis.or.kr/nhis/svc/view.do?svcNo=NHIS0101";
        RecordRef ref = new RecordRef("NHIS0101", PageRequest.get(url));

        RawRecord raw = extracted(
                connector,
                ref,
                new FetchedPage(
                        ref.request(),
                        url,
                        200,
                        "text/html; charset=utf-8",
                        Fixtures.bytes("nhis-jsonld", "view-hostile-language-tags.html")));

        assertThat(raw.values("name")).containsExactly("일반건강검진");
        assertNoRenditionIn(raw.fields());
    }

    @Test
    void listingFieldsNamedLikeARenditionAreDropped() {
        RecordRef ref = new RecordRef(
                "MOIS-CPSV-011",
                null,
                Map.of(
                        "description", List.of("주민등록증을 다시 발급합니다."),
                        "description@ko#html", List.of("<img src=x onerror=alert(1)>"),
                        "description#html", List.of("<script>alert(1)</script>")));

        assertThat(ref.listFields()).containsOnlyKeys("description");
    }
}
