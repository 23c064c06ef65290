package org.onewindow.mappings.engine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the date forms Korean sites use when a rule names no dateFormat: 2026-01-05, 2026.01.05(.), 2026.1.5, 20260105(093000). */
final class KoreanDates {

    // STRICT: an impossible date (2026-02-30) is unreadable, not silently moved to the month's last day.
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.MM.dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*(\\d{4}[-.]?\\d{1,2}[-.]?\\d{1,2})");

    private KoreanDates() {}

    /** The date at the start of the text; null when there is none or it is impossible. */
    static LocalDate parse(String text) {
        var matcher = DATE_PREFIX.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String date = matcher.group(1);
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(date, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }
}
