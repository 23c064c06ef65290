package org.onewindow.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.connectors.feed.FeedConnector;
import org.onewindow.connectors.jsonapi.JsonApiConnector;
import org.onewindow.connectors.jsonld.JsonLdConnector;
import org.onewindow.mappings.source.ConnectorSpec;

class ConnectorsTest {

    @Test
    void knowsEveryKindOfSource() {
        assertThat(Connectors.kinds()).containsExactly("cpsv-ap", "feed", "html", "json-api", "jsonld", "sitemap");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            json-api | 'listPath: /api/gov24/v3/serviceList\nidPointer: /서비스ID\ndetailPath: /d?id={id}' | class org.onewindow.connectors.jsonapi.JsonApiConnector
            feed     | 'path: /portal/rss/welfare.xml'                                                     | class org.onewindow.connectors.feed.FeedConnector
            jsonld   | 'list: {path: /nhis/svc/list.do, itemSelector: ul.svc_list a}'                      | class org.onewindow.connectors.jsonld.JsonLdConnector
            sitemap  | 'sitemap: /sitemap.xml\nrecordUrlPattern: view.do\nfields: {title: [h2]}'            | class org.onewindow.connectors.sitemap.SitemapConnector
            """)
    void createsEachNewKindFromItsSettings(String kind, String settings, String type) {
        SourceConnector connector =
                Fixtures.connector(kind, "https://agency.example.go.kr", settings.replace("\\n", "\n"));

        assertThat(connector.getClass().toString()).isEqualTo(type);
        assertThat(connector.firstPage().url()).startsWith("https://agency.example.go.kr/");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            json-api | listPath: /l
            feed     | 'fetchItemPages: true'
            jsonld   | 'list: {itemSelector: a}'
            """)
    void rejectsSettingsMissingWhatTheKindNeeds(String kind, String settings) {
        assertThatThrownBy(() -> Fixtures.connector(kind, "https://agency.example.go.kr", settings))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageStartingWith("connector.settings")
                .hasMessageContaining("missing setting '");
    }

    @Test
    void anUnknownSettingIsNamedWithASuggestion() {
        assertThatThrownBy(() -> Fixtures.connector(
                        "jsonld",
                        "https://agency.example.go.kr",
                        "list: {path: /l.do, itemSelector: a, nextLinkSelecter: a}"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessage("connector.settings.list: unknown setting 'nextLinkSelecter' (did you mean"
                        + " 'nextLinkSelector'?)");
    }

    @Test
    void aMisspeltSettingIsNamedWithASuggestionAndNoJavaClassName() {
        assertThatThrownBy(() -> Fixtures.connector(
                        "jsonld", "https://agency.example.go.kr", "list: {path: /l.do, itemSelecter: a}"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessage("connector.settings.list: missing setting 'itemSelector' ('itemSelecter': did you mean"
                        + " 'itemSelector'?)")
                .extracting(e -> ((ConnectorConfigException) e).setting())
                .isEqualTo("itemSelecter");
        assertThatThrownBy(() -> Fixtures.connector(
                        "jsonld",
                        "https://agency.example.go.kr",
                        "list: {path: /l.do, itemSelector: a, firstPage: one}"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageStartingWith("connector.settings.list.firstPage: ")
                .message()
                .doesNotContain("org.onewindow")
                .doesNotContain("`");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            json-api | 'listPath: /l\nidPointer: /id\nrecordUrl: /v/{id}'
            feed     | 'path: /rss.xml'
            jsonld   | 'list: {path: /l.do, itemSelector: a}'
            """)
    void rejectsABaseUrlThatIsNotHttp(String kind, String settings) {
        assertThatThrownBy(() -> Connectors.create(
                        new ConnectorSpec(
                                kind, "ftp://agency.example.go.kr", Fixtures.settings(settings.replace("\\n", "\n"))),
                        "ftp://agency.example.go.kr"))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void theMappingReferenceNamesExactlyTheKindsThereAre() throws IOException {
        String row = Files.readAllLines(Path.of("../mappings/README.md")).stream()
                .filter(line -> line.startsWith("| `connector` |"))
                .findFirst()
                .orElseThrow();
        Matcher listed = Pattern.compile("`kind` \\(([^)]*)\\)").matcher(row);

        assertThat(listed.find()).isTrue();
        assertThat(Arrays.stream(listed.group(1).split(",\\s*")).toList())
                .containsExactlyInAnyOrderElementsOf(Connectors.kinds());
    }

    @Test
    void onlyTheFeedIsAnIncompleteListing() {
        assertThat(Fixtures.connector(FeedConnector.KIND, "https://a.go.kr", "path: /rss.xml")
                        .completeListing())
                .isFalse();
        assertThat(Fixtures.connector(
                                JsonApiConnector.KIND,
                                "https://a.go.kr",
                                "{listPath: /l, idPointer: /id, recordUrl: '/v/{id}'}")
                        .completeListing())
                .isTrue();
        assertThat(Fixtures.connector(JsonLdConnector.KIND, "https://a.go.kr", "list: {path: /l.do, itemSelector: a}")
                        .completeListing())
                .isTrue();
    }
}
