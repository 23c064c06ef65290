package org.onewindow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.connectors.MohwWelfareFixtures;

class CharsetsTest {

    private static final Charset MS949 = Charset.forName("x-windows-949");
    private static final Charset EUC_KR = Charset.forName("EUC-KR");

    private static byte[] page(String metaCharset, String body, Charset encoding) {
        String meta = metaCharset == null ? "" : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + metaCharset + "\" />";
        return ("<html><head>" + meta + "<title>t</title></head><body>" + body + "</body></html>").getBytes(encoding);
    }

    @Test
    void prefersTheHeaderCharsetOverTheMetaTag() {
        byte[] body = page("utf-8", "기초연금", MS949);

        assertThat(Charsets.detect(body, "text/html;charset=EUC-KR")).isEqualTo(MS949);
        assertThat(Charsets.decode(body, "text/html;charset=EUC-KR")).contains("기초연금");
    }

    @Test
    void usesTheMetaTagWhenTheHeaderHasNoCharset() {
        byte[] body = page("euc-kr", "기초연금", MS949);

        assertThat(Charsets.detect(body, "text/html")).isEqualTo(MS949);
        assertThat(Charsets.decode(body, "text/html")).contains("기초연금");
    }

    @Test
    void usesAnHtml5MetaCharset() {
        byte[] body = "<!doctype html><html><head><meta charset=\"EUC-KR\"></head><body>아동수당</body></html>".getBytes(MS949);

        assertThat(Charsets.decode(body, null)).contains("아동수당");
    }

    @Test
    void usesTheMetaTagWhenTheHeaderCharsetIsUnknown() {
        byte[] body = page("euc-kr", "기초연금", MS949);

        assertThat(Charsets.detect(body, "text/html; charset=no-such-charset")).isEqualTo(MS949);
    }

    @Test
    void readsEucKrAsMs949SoCharactersOutsideEucKrDecode() {
        byte[] body = page("euc-kr", "똠방각하", MS949);
        // Plain EUC-KR (KS X 1001) has no '똠': a strict decoder mangles it.
        assertThat(new String(body, EUC_KR)).doesNotContain("똠");

        assertThat(Charsets.decode(body, "text/html;charset=EUC-KR")).contains("똠방각하");
        assertThat(Charsets.decode(body, "text/html")).contains("똠방각하");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUC-KR", "euc-kr", "euckr", "ks_c_5601-1987", "KSC5601", "csEUCKR", "cp949", "MS949", "windows-949"})
    void readsEveryKoreanLabelAsMs949(String label) {
        assertThat(Charsets.detect(new byte[0], "text/html; charset=" + label)).isEqualTo(MS949);
        assertThat(Charsets.detect(new byte[0], "text/html; charset=\"" + label + "\"")).isEqualTo(MS949);
    }

    @Test
    void fallsBackToUtf8WithoutAnyCharset() {
        byte[] body = page(null, "기초연금", StandardCharsets.UTF_8);

        assertThat(Charsets.detect(body, "text/html")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.detect(body, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(body, null)).contains("기초연금");
    }

    @Test
    void decodesTheSavedViewPageFromItsMetaCharsetOnly() {
        byte[] body = MohwWelfareFixtures.bytes("view-table-WLF00000101.html");

        assertThat(Charsets.detect(body, MohwWelfareFixtures.VIEW_CONTENT_TYPE)).isEqualTo(MS949);
        assertThat(Charsets.decode(body, MohwWelfareFixtures.VIEW_CONTENT_TYPE)).contains("<h3 class=\"svc_tit\">기초연금</h3>");
    }
}
