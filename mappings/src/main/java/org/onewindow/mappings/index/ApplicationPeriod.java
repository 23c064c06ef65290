package org.onewindow.mappings.index;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a service takes applications, read from its free-text application period (신청기한) as agencies write it:
 * always ("상시", "상시신청", "연중 상시", "수시"), or a dated window ("2026.03.03. ~ 2026.04.30.", "2026-03-03 ~",
 * "2026.01.19. ~ 자금 소진 시까지"). Periods tied to a personal event ("출생일로부터 1년 이내") or a yearly cycle
 * ("매년 1~2월") are not read: such a service is not claimed to be open now.
 */
public record ApplicationPeriod(boolean always, LocalDate from, LocalDate to) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[.\\-/년]\\s*(\\d{1,2})[.\\-/월]\\s*(\\d{1,2})");
    private static final Pattern ALWAYS = Pattern.compile("상시|연중|수시\\s*(접수|신청)?");

    public static Optional<ApplicationPeriod> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] sides = text.split("[~∼〜～]", 2);
        if (sides.length == 2) {
            Optional<LocalDate> from = firstDate(sides[0]);
            Optional<LocalDate> to = firstDate(sides[1]);
            if (from.isPresent() || to.isPresent()) {
                if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                    return Optional.empty();
                }
                return Optional.of(new ApplicationPeriod(false, from.orElse(null), to.orElse(null)));
            }
        }
        if (firstDate(text).isEmpty() && ALWAYS.matcher(text).find() && !text.contains("매년")) {
            return Optional.of(new ApplicationPeriod(true, null, null));
        }
        return Optional.empty();
    }

    /** Whether applications are taken on that day. */
    public boolean openOn(LocalDate day) {
        return always || (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static Optional<LocalDate> firstDate(String text) {
        Matcher date = DATE.matcher(text);
        if (!date.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
