package org.onewindow.mappings.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways to reach or apply for a service, read from what agencies publish: the online application page, the
 * telephone numbers of the contact (문의처) and of the how-to-apply text, and the lines of 신청방법 that send the
 * citizen to a counter (방문, 주민센터 …), by post or by fax. Read when a record is indexed (index-only, like the
 * application window), so no public request runs it; a better reading is a new {@link ServiceIndex#VERSION}, filled
 * from the record of truth without a re-harvest. Every reading costs time linear in the length of the text, however
 * hostile the text.
 */
public final class Channels {

    /** One channel: {@code type} is online, phone, in-person, post or fax; the other fields as the type has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channel(String type, String url, String phone, String label, String description) {

        static Channel online(String url, String description) {
            return new Channel("online", url, null, null, description);
        }

        static Channel phone(String number, String label) {
            return new Channel("phone", null, number, label, null);
        }

        static Channel described(String type, String description) {
            return new Channel(type, null, null, null, description);
        }
    }

    /**
     * Korean numbers: area or mobile code and number (02-2133-6814), 4+4 hotlines (1577-1000), short hotlines (120,
     * 1350); a short number written against a Hangul syllable is a quantity (100매, 1000원), not a telephone number.
     * Every branch and look-around has a bounded length, so each position costs a bounded number of steps.
     */
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d,.-])(?:(0\\d{1,2}-\\d{3,4}-\\d{4}|1[5-8]\\d{2}-\\d{4})(?![\\d-])"
                    + "|(1\\d{2,3})(?![\\d,.-]|[가-힣]))");

    private static final Pattern ONLINE = Pattern.compile("온라인|누리집|홈페이지|인터넷|앱|포털|정부24|복지로|www\\.|https?://");
    private static final Pattern IN_PERSON = Pattern.compile("방문|창구|주민센터|행정복지센터|보건소|구청|시청|군청|지사");
    private static final Pattern POST = Pattern.compile("우편");
    private static final Pattern FAX = Pattern.compile("팩스|FAX|fax");
    private static final Pattern HOTLINE_WORD = Pattern.compile("전화|콜센터|상담센터|고객센터|문의|☎");

    /** A label longer than this is a sentence, not the name of a desk. */
    private static final int MAX_LABEL = 40;

    private Channels() {}

    /** The channels of a record document (its {@code onlineApplicationUrl}, {@code howToApply} and {@code contact}). */
    public static List<Channel> of(JsonNode record) {
        return read(
                text(record.path("onlineApplicationUrl")),
                text(record.path("howToApply")),
                text(record.path("contact")));
    }

    /** The channels of those texts (each may be null); read through {@link CharSequence} so a test can count the reads. */
    static List<Channel> read(String applicationPage, CharSequence howToApply, CharSequence contact) {
        List<Channel> channels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (applicationPage != null) {
            add(channels, seen, Channel.online(applicationPage, null));
        }
        List<CharSequence> lines = howToApply == null ? List.of() : Text.lines(howToApply);
        for (CharSequence line : lines) {
            if (ONLINE.matcher(line).find()) {
                String address = WebAddress.first(line);
                String url = address == null ? null : absolute(address);
                if (applicationPage == null || url != null && !url.equals(applicationPage)) {
                    add(channels, seen, Channel.online(url, line.toString()));
                }
            }
        }
        if (contact != null) {
            for (CharSequence part : Text.contactParts(contact)) {
                phones(part, channels, seen);
            }
        }
        for (CharSequence line : lines) {
            if (HOTLINE_WORD.matcher(line).find()) {
                phones(line, channels, seen);
            }
        }
        for (CharSequence line : lines) {
            if (IN_PERSON.matcher(line).find()) {
                add(channels, seen, Channel.described("in-person", line.toString()));
            }
            if (POST.matcher(line).find()) {
                add(channels, seen, Channel.described("post", line.toString()));
            }
            if (FAX.matcher(line).find()) {
                add(channels, seen, Channel.described("fax", line.toString()));
            }
        }
        return channels;
    }

    /** Each number of a text, labelled by the words before the first one ("보육사업기획과 044-202-3535"). */
    private static void phones(CharSequence text, List<Channel> channels, Set<String> seen) {
        Matcher number = PHONE.matcher(text);
        String label = null;
        boolean first = true;
        while (number.find()) {
            if (first) {
                CharSequence before = Text.strip(
                        text.subSequence(0, Text.withoutTrailing(text, number.start(), Channels::isLabelEnd)));
                label = before.length() == 0 || before.length() > MAX_LABEL ? null : before.toString();
                first = false;
            }
            add(channels, seen, Channel.phone(number.group(1) != null ? number.group(1) : number.group(2), label));
        }
    }

    /** What may stand between a label and its number: "콜센터(", "문의:", "☎ ". */
    private static boolean isLabelEnd(char c) {
        return c == '(' || c == ':' || c == '：' || c == '☎' || Text.isRegexSpace(c);
    }

    private static void add(List<Channel> channels, Set<String> seen, Channel channel) {
        String key = channel.type() + "|"
                + (channel.url() != null
                        ? channel.url()
                        : channel.phone() != null ? channel.phone() : channel.description());
        if (seen.add(key)) {
            channels.add(channel);
        }
    }

    /** The address without the sentence's punctuation after it, made absolute. */
    private static String absolute(String address) {
        String trimmed = address.substring(
                0, Text.withoutTrailing(address, address.length(), c -> c == '.' || c == ',' || c == ')'));
        return trimmed.startsWith("http") ? trimmed : "https://" + trimmed;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
