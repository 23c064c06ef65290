package org.onewindow.connectors.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.connectors.Fixtures;
import org.onewindow.connectors.MohwWelfareFixtures;

class CharsetsTest {

    private static final Charset MS949 = Charset.forName("x-windows-949");
    private static final Charset EUC_KR = Charset.forName("EUC-KR");

    private static byte[] page(String metaCharset, String body, Charset encoding) {
        String meta = metaCharset == null
                ? ""
                : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + metaCharset + "\" />";
        return ("<html><head>" + meta + "<title>t</title></head><body>" + body + "</body></html>").getBytes(encoding);
    }

    @Test
    void prefersTheHeaderCharsetOverTheMetaTag() {
        byte[] body = page("utf-8", "기초연금", MS949);

        assertThat(Charsets.detect(body, "text/html;charset=EUC-KR")).isEqualTo(MS949);
        assertThat(Charsets.decode(body, "text/html;charset=EUC-KR")).contains("기초연금");
    }

    @Test
    void skipsAHeaderCharsetTheBytesAreNotValidIn() {
        byte[] body = page("euc-kr", "기초연금 신청 안내", MS949);

        assertThat(Charsets.detect(body, "text/html; charset=UTF-8")).isEqualTo(MS949);
        assertThat(Charsets.decode(body, "text/html; charset=UTF-8")).contains("기초연금 신청 안내");
    }

    @Test
    void skipsEveryWrongDeclarationAndDetectsTheRealCharset() {
        byte[] body = page("utf-8", "장애인 활동지원 서비스를 신청하는 방법과 구비서류를 안내합니다", MS949);

        assertThat(Charsets.decode(body, "text/html; charset=UTF-8")).contains("장애인 활동지원 서비스");
    }

    @Test
    void usesTheMetaTagWhenTheHeaderHasNoCharset() {
        byte[] body = page("euc-kr", "기초연금", MS949);

        assertThat(Charsets.detect(body, "text/html")).isEqualTo(MS949);
        assertThat(Charsets.decode(body, "text/html")).contains("기초연금");
    }

    @Test
    void usesAnHtml5MetaCharset() {
        byte[] body =
                "<!doctype html><html><head><meta charset=\"EUC-KR\"></head><body>아동수당</body></html>".getBytes(MS949);

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
    @ValueSource(
            strings = {
                "EUC-KR",
                "euc-kr",
                "euckr",
                "ks_c_5601-1987",
                "KSC5601",
                "csEUCKR",
                "cp949",
                "MS949",
                "windows-949"
            })
    void readsEveryKoreanLabelAsMs949(String label) {
        assertThat(Charsets.detect(new byte[0], "text/html; charset=" + label)).isEqualTo(MS949);
        assertThat(Charsets.detect(new byte[0], "text/html; charset=\"" + label + "\""))
                .isEqualTo(MS949);
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
        assertThat(Charsets.decode(body, MohwWelfareFixtures.VIEW_CONTENT_TYPE))
                .contains("<h3 class=\"svc_tit\">기초연금</h3>");
    }

    // --- detection, when neither the header nor the page names a charset

    @Test
    void detectsAnEucKrPageWithoutAnyDeclaredCharsetAndReadsItAsMs949() {
        byte[] body = Fixtures.bytes("charsets", "euc-kr-no-charset.html");

        assertThat(Charsets.detect(body, "text/html")).isEqualTo(MS949);
        assertThat(Charsets.decode(body, null))
                .contains("<title>종로구청 - 복지서비스 상세</title>")
                .contains("저소득 어르신 목욕·이미용비 지원")
                .contains("어르신복지과 02-2148-2511")
                .doesNotContain("\uFFFD");
    }

    @Test
    void readsUndeclaredBytesWithMs949OnlySyllablesAsMs949() {
        // '똠' is not EUC-KR: the detector gives up on such bytes; they are still valid MS949.
        byte[] body = page(null, "똠방각하 어린이공원 물놀이터를 7월 1일부터 운영합니다. 삼청동 주민센터 문의", MS949);

        assertThat(Charsets.detect(body, null)).isEqualTo(MS949);
        assertThat(Charsets.decode(body, null)).contains("똠방각하 어린이공원");
    }

    @Test
    void readsAFewUndeclaredKoreanSyllablesAsMs949RatherThanALatinCharset() {
        // Four syllables are too few for the detector, which then guesses windows-1252.
        byte[] body = page(null, "기초연금", MS949);

        assertThat(Charsets.decode(body, null)).contains("<body>기초연금</body>");
    }

    @Test
    void takesTheDetectorsMultiByteVerdictForAPageInAnotherScript() {
        // The Chinese page of a district's multilingual site: its GB18030 bytes happen to be valid MS949 too.
        String chinese = "为了减轻产妇家庭的育儿负担，钟路区向新生儿家庭发放生育祝贺金。第一胎三十万韩元，第二胎五十万韩元，第三胎以上一百万韩元。咨询：家庭政策科";
        Charset gb18030 = Charset.forName("GB18030");
        byte[] body = page(null, chinese, gb18030);

        assertThat(Charsets.detect(body, null)).isEqualTo(gb18030);
        assertThat(Charsets.decode(body, null)).contains(chinese);
    }

    @Test
    void readsValidUtf8AsUtf8WithoutAskingTheDetector() {
        byte[] body = page(null, "아동수당 신청 안내", StandardCharsets.UTF_8);

        assertThat(Charsets.detect(body, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void followsAByteOrderMark() {
        byte[] text = page(null, "청년월세", StandardCharsets.UTF_16LE);
        byte[] body = new byte[text.length + 2];
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xFE;
        System.arraycopy(text, 0, body, 2, text.length);

        assertThat(Charsets.detect(body, null)).isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void keepsAPageCutInsideAUtf8CharacterAsUtf8() {
        // Beyond the scanned head, a multi-byte character may be cut in two: no reason to doubt UTF-8.
        String text = "가".repeat(30_000);
        byte[] body = page(null, text, StandardCharsets.UTF_8);

        assertThat(Charsets.detect(body, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    // --- XML and JSON

    @Test
    void readsAnXmlDocumentByItsDeclarationUnlessTheHeaderSaysOtherwise() {
        byte[] eucKr = "<?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss><title>똠방골</title></rss>".getBytes(MS949);
        byte[] utf8 = "<?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss><title>똠방골</title></rss>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Charsets.decodeXml(eucKr, "application/rss+xml")).contains("<title>똠방골</title>");
        assertThat(Charsets.decodeXml(utf8, "application/rss+xml; charset=utf-8"))
                .contains("<title>똠방골</title>");
        assertThat(Charsets.decodeXml("<rss><title>똠방골</title></rss>".getBytes(StandardCharsets.UTF_8), null))
                .contains("똠방골");
    }

    @Test
    void dropsAByteOrderMarkBeforeAnXmlDeclaration() {
        byte[] body = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed/>".getBytes(StandardCharsets.UTF_8);

        assertThat(Charsets.decodeXml(body, null)).startsWith("<?xml");
    }

    @Test
    void readsJsonAsUtf8UnlessTheHeaderSaysOtherwise() {
        assertThat(Charsets.decodeJson(
                        "\uFEFF{\"서비스명\":\"기초연금\"}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isEqualTo("{\"서비스명\":\"기초연금\"}");
        assertThat(Charsets.decodeJson("{\"서비스명\":\"기초연금\"}".getBytes(MS949), "application/json;charset=euc-kr"))
                .isEqualTo("{\"서비스명\":\"기초연금\"}");
    }
}
