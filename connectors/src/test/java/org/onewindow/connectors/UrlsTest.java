package org.onewindow.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    private static final String LIST =
            "http://127.0.0.1:8089/portal/svc/list.do;jsessionid=8C2F1E0A9B7D4C3E5F6A1B2C3D4E5F60";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            http://127.0.0.1:8089/portal/svc/list.do;jsessionid=8C2F1E0A9B7D4C3E5F6A1B2C3D4E5F60 | http://127.0.0.1:8089/portal/svc/list.do
            http://h/portal/svc/view.do;jsessionid=8C2F?menuNo=200123&svcId=WLF00000101       | http://h/portal/svc/view.do?menuNo=200123&svcId=WLF00000101
            http://h/list.do;JSESSIONID=8C2F.node1#top                                         | http://h/list.do#top
            http://h/app;jsessionid=8C2F/list.do                                               | http://h/app/list.do
            http://h/view.do?menuNo=200123&svcId=WLF00000101                                   | http://h/view.do?menuNo=200123&svcId=WLF00000101
            NULL                                                                               | NULL
            """)
    void stripsTheSessionIdFromAUrl(String url, String expected) {
        assertThat(Urls.stripSessionId(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            http://127.0.0.1:8089                          | /portal/svc/list.do                          | http://127.0.0.1:8089/portal/svc/list.do
            http://127.0.0.1:8089                          | /                                            | http://127.0.0.1:8089/
            http://127.0.0.1:8089/portal/svc/list.do       | view.do?menuNo=200123&svcId=WLF00000101      | http://127.0.0.1:8089/portal/svc/view.do?menuNo=200123&svcId=WLF00000101
            http://127.0.0.1:8089/portal/svc/list.do       | ../main.do                                   | http://127.0.0.1:8089/portal/main.do
            http://127.0.0.1:8089/portal/svc/list.do       | //cdn.example.go.kr/a.pdf                     | http://cdn.example.go.kr/a.pdf
            http://127.0.0.1:8089/portal/svc/list.do       | https://www.bokjiro.go.kr/                   | https://www.bokjiro.go.kr/
            http://127.0.0.1:8089/portal/svc/list.do       | '  /portal/svc/view.do?svcId=1  '            | http://127.0.0.1:8089/portal/svc/view.do?svcId=1
            http://127.0.0.1:8089/portal/svc/list.do       | /files/신청 서식.hwp                          | http://127.0.0.1:8089/files/신청%20서식.hwp
            http://127.0.0.1:8089/portal/svc/list.do       | ?pageIndex=2                                 | http://127.0.0.1:8089/portal/svc/list.do?pageIndex=2
            http://127.0.0.1:8089/portal/svc/list.do?x=1#a | ?pageIndex=2                                 | http://127.0.0.1:8089/portal/svc/list.do?pageIndex=2
            http://127.0.0.1:8089/portal/svc/list.do       | javascript:fn_view('WLF00000101','N');       | NULL
            http://127.0.0.1:8089/portal/svc/list.do       | JavaScript:void(0)                           | NULL
            http://127.0.0.1:8089/portal/svc/list.do       | mailto:help@mohw.go.kr                       | NULL
            http://127.0.0.1:8089/portal/svc/list.do       | tel:129                                      | NULL
            http://127.0.0.1:8089/portal/svc/list.do       | ftp://ftp.example.go.kr/a                    | NULL
            http://127.0.0.1:8089/portal/svc/list.do       | ''                                           | NULL
            http://127.0.0.1:8089/portal/svc/list.do       | NULL                                         | NULL
            """)
    void resolvesHttpLinksAndRejectsTheRest(String base, String link, String expected) {
        assertThat(Urls.absoluteHttp(base, link)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            view.do?svcId=1 | http://127.0.0.1:8089/portal/svc/view.do?svcId=1
            ?svcId=1        | http://127.0.0.1:8089/portal/svc/list.do?svcId=1
            """)
    void resolvesAgainstASessionDecoratedPageUrlWithoutKeepingTheSession(String link, String expected) {
        assertThat(Urls.stripSessionId(Urls.absoluteHttp(LIST, link))).isEqualTo(expected);
    }
}
