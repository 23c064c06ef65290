package org.onewindow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onewindow.catalogue.record.Channels;
import org.onewindow.catalogue.record.Channels.Channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Channels read from texts as the demo agencies publish them. */
class ChannelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Channel> channels(String onlineApplicationUrl, String howToApply, String contact) {
        ObjectNode record = JSON.createObjectNode();
        record.put("onlineApplicationUrl", onlineApplicationUrl).put("howToApply", howToApply).put("contact", contact);
        return Channels.of(record);
    }

    @Test
    void theApplicationPageTheWebAddressesOfTheTextTheCounterAndTheDepartmentsNumber() {
        assertThat(channels("https://www.gov.kr/portal/rcvfvrSvc/dtlEx/135200000111",
                "주민등록상 주소지 읍면동 행정복지센터 방문 신청\n복지로(www.bokjiro.go.kr) 온라인 신청\n정부24 행복출산 원스톱 서비스로 출생신고와 함께 신청",
                "출산정책과 044-202-3386")).containsExactly(
                new Channel("online", "https://www.gov.kr/portal/rcvfvrSvc/dtlEx/135200000111", null, null, null),
                new Channel("online", "https://www.bokjiro.go.kr", null, null, "복지로(www.bokjiro.go.kr) 온라인 신청"),
                new Channel("phone", null, "044-202-3386", "출산정책과", null),
                new Channel("in-person", null, null, null, "주민등록상 주소지 읍면동 행정복지센터 방문 신청"));
    }

    @Test
    void hotlinesOfEveryLengthAndNumbersInsideTheHowToApplyText() {
        assertThat(channels(null, "병원안심동행 콜센터(1533-1179) 또는 누리집 예약", "다산콜센터 120")).extracting(Channel::type, Channel::phone, Channel::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("online", null, null),
                        org.assertj.core.groups.Tuple.tuple("phone", "120", "다산콜센터"),
                        org.assertj.core.groups.Tuple.tuple("phone", "1533-1179", "병원안심동행 콜센터"));
    }

    @Test
    void postAndFaxAreChannelsOfTheirOwn() {
        assertThat(channels(null, "국민건강보험공단 지사 방문 또는 우편·팩스 신청", null)).extracting(Channel::type)
                .containsExactly("in-person", "post", "fax");
    }

    @Test
    void pricesAndCountsAreNotTelephoneNumbers() {
        assertThat(channels(null, "지하철 역사 고객안전실·편의점에서 실물카드 구입(3,000원) 후 역사 충전기로 충전\n연 2회, 1회 100매 한도로 전화 신청", null))
                .extracting(Channel::type).doesNotContain("phone");
        assertThat(channels(null, null, null)).isEmpty();
    }
}
