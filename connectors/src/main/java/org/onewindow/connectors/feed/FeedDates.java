package org.onewindow.connectors.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Feed dates to ISO {@code yyyy-MM-dd}, as dated where the feed was written (a Korean item of 23:30 +0900 keeps its
 * day). RSS uses RFC 822 ({@code Mon, 05 Jan 2026 14:30:00 +0900}; the weekday is not checked, "KST" is read as
 * +0900), Atom RFC 3339 ({@code 2026-01-05T14:30:00+09:00}); Korean CMSs also write {@code 2026-01-05 14:30:00} or
 * {@code 2026.01.05}. Impossible dates (31 February) fail: they are never moved to a nearby day.
 */
final class FeedDates {

    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> LOCAL = List.of(
                    DateTimeFormatter.ofPattern("uuuu-MM-dd[ HH:mm[:ss]]", Locale.ROOT),
                    DateTimeFormatter.ofPattern("uuuu.MM.dd[ HH:mm[:ss]]", Locale.ROOT),
                    DateTimeFormatter.ofPattern("uuuu/MM/dd[ HH:mm[:ss]]", Locale.ROOT),
                    DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT),
                    DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT))
            .stream()
            .map(f -> f.withResolverStyle(ResolverStyle.STRICT))
            .toList();

    private FeedDates() {}

    /** @throws DateTimeException when the text is no date or an impossible one */
    static LocalDate rfc822(String text) {
        String value = text.strip()
                .replaceFirst("^[A-Za-z]{3},\\s*", "") // the weekday: often wrong in real feeds, never needed
                .replaceFirst("\\s+KST$", " +0900")
                .replaceFirst("\\s+(UT|Z)$", " GMT");
        try {
            return LocalDate.from(RFC_822.parse(value));
        } catch (DateTimeParseException e) {
            return local(text, e);
        }
    }

    /** @throws DateTimeException when the text is no date or an impossible one */
    static LocalDate rfc3339(String text) {
        String value = text.strip().toUpperCase(Locale.ROOT).replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toLocalDate();
        } catch (DateTimeParseException e) {
            return local(text, e);
        }
    }

    private static LocalDate local(String text, DateTimeParseException first) {
        for (DateTimeFormatter format : LOCAL) {
            try {
                return LocalDate.from(format.parse(text.strip()));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        throw first;
    }
}
