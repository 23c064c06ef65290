package org.onewindow.mappings.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.mappings.index.Channels.Channel;

/** Channels read from texts as the demo agencies publish them, at a cost linear in the texts' length. */
class ChannelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Channel> channels(String onlineApplicationUrl, String howToApply, String contact) {
        ObjectNode record = JSON.createObjectNode();
        record.put("onlineApplicationUrl", onlineApplicationUrl)
                .put("howToApply", howToApply)
                .put("contact", contact);
        return Channels.of(record);
    }

    @Test
    void theApplicationPageTheWebAddressesOfTheTextTheCounterAndTheDepartmentsNumber() {
        assertThat(channels(
                        "https://www.gov.kr/portal/rcvfvrSvc/dtlEx/135200000111",
                        "주민등록상 주소지 읍면동 행정복지센터 방문 신청\n복지로(www.bokjiro.go.kr) 온라인 신청\n정부24 행복출산 원스톱 서비스로 출생신고와 함께 신청",
                        "출산정책과 044-202-3386"))
                .containsExactly(
                        new Channel(
                                "online", "https://www.gov.kr/portal/rcvfvrSvc/dtlEx/135200000111", null, null, null),
                        new Channel("online", "https://www.bokjiro.go.kr", null, null, "복지로(www.bokjiro.go.kr) 온라인 신청"),
                        new Channel("phone", null, "044-202-3386", "출산정책과", null),
                        new Channel("in-person", null, null, null, "주민등록상 주소지 읍면동 행정복지센터 방문 신청"));
    }

    @Test
    void hotlinesOfEveryLengthAndNumbersInsideTheHowToApplyText() {
        assertThat(channels(null, "병원안심동행 콜센터(1533-1179) 또는 누리집 예약", "다산콜센터 120"))
                .extracting(Channel::type, Channel::phone, Channel::label)
                .containsExactly(
                        tuple("online", null, null),
                        tuple("phone", "120", "다산콜센터"),
                        tuple("phone", "1533-1179", "병원안심동행 콜센터"));
    }

    @Test
    void postAndFaxAreChannelsOfTheirOwn() {
        assertThat(channels(null, "국민건강보험공단 지사 방문 또는 우편·팩스 신청", null))
                .extracting(Channel::type)
                .containsExactly("in-person", "post", "fax");
    }

    @Test
    void pricesAndCountsAreNotTelephoneNumbers() {
        assertThat(channels(null, "지하철 역사 고객안전실·편의점에서 실물카드 구입(3,000원) 후 역사 충전기로 충전\n연 2회, 1회 100매 한도로 전화 신청", null))
                .extracting(Channel::type)
                .doesNotContain("phone");
        assertThat(channels(null, null, null)).isEmpty();
    }

    @Test
    void webAddressesLoseTheSentencesPunctuationAndNeedATopLevelDomain() {
        assertThat(channels(null, "온라인 신청: https://www.example.go.kr/apply..., 또는 www.bokjiro.go.kr.", null))
                .extracting(Channel::url)
                .containsExactly("https://www.example.go.kr/apply");
        assertThat(channels(null, "온라인 신청 www.1.2 또는 www.mois.go.kr/x", null))
                .extracting(Channel::url)
                .containsExactly("https://www.mois.go.kr/x");
        assertThat(channels(null, "홈페이지 www.localhost 참고", null))
                .extracting(Channel::url)
                .containsOnlyNulls();
    }

    @Test
    void theLabelIsTheTextBeforeTheFirstNumberWithoutItsPunctuation() {
        assertThat(channels(null, null, "민원실 ☎ : (02-2133-6814)\n국번없이 ( 1350 ) ||" + "가".repeat(41) + " 120"))
                .extracting(Channel::phone, Channel::label)
                .containsExactly(tuple("02-2133-6814", "민원실"), tuple("1350", "국번없이"), tuple("120", null));
    }

    /** Texts an agency (or whoever controls its page) could publish, of about {@code n} characters. */
    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                Arguments.of("a label behind a long run of parentheses", (IntFunction<String[]>)
                        n -> new String[] {null, "(".repeat(n) + "문의 1357"}),
                Arguments.of("a web address ending in a long run of dots", (IntFunction<String[]>)
                        n -> new String[] {"온라인 http://a" + ".".repeat(n) + "b", null}),
                Arguments.of("many www. without a top-level domain", (IntFunction<String[]>) n ->
                        new String[] {"온라인 " + "www.1".repeat(n / 5), null}),
                Arguments.of("a label behind a long run of spaces in the how-to-apply text", (IntFunction<String[]>)
                        n -> new String[] {"전화" + " ".repeat(n) + "상담 02-123-4567", null}),
                Arguments.of("digits and separators around hotline words", (IntFunction<String[]>) n ->
                        new String[] {"전화 " + "1-0,".repeat(n / 4), "문의 " + "15".repeat(n / 2)}),
                Arguments.of("many short lines", (IntFunction<String[]>)
                        n -> new String[] {"방문 전화 1350 www.a.kr\n".repeat(n / 20), "☎ 120||".repeat(n / 7)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void readingCostsTimeLinearInTheTextsLength(String shape, IntFunction<String[]> texts) {
        long small = reads(texts.apply(10_000));
        long large = reads(texts.apply(1_000_000));

        // 100 times the text: linear reading reads about 100 times as many characters, quadratic about 10,000 times.
        assertThat(large)
                .as("characters read for 10^6 characters of %s, against %d for 10^4", shape, small)
                .isLessThanOrEqualTo(2 * 100 * small);
    }

    /** How many characters reading the channels of these texts (how-to-apply, contact) reads. */
    private static long reads(String[] texts) {
        long length = (texts[0] == null ? 0 : texts[0].length()) + (texts[1] == null ? 0 : texts[1].length());
        CountedText.Counter counter = new CountedText.Counter(1_000 * length);
        Channels.read(
                null,
                texts[0] == null ? null : new CountedText(texts[0], counter),
                texts[1] == null ? null : new CountedText(texts[1], counter));
        return counter.reads();
    }
}
