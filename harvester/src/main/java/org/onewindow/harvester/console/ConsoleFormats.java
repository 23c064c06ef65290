package org.onewindow.harvester.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.Notification;

/** How the console's templates write values: times in Korea's time zone, to the minute. */
@TemplateExtension
public final class ConsoleFormats {

    static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'KST'").withZone(KOREA);

    private ConsoleFormats() {}

    /** {@code 2026-12-03 04:30 KST}; empty for no time. */
    static String shown(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** An enum constant as the API writes it: {@code SUCCEEDED} → {@code succeeded}. */
    static String lower(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    /** Text the API already writes in lower case (a dry-run's stage) stays as it is: {@code fetch}. */
    static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    /** The label key of a run's status: {@code status.succeeded}. */
    static String statusKey(HarvestRun run) {
        return "status." + lower(run.status);
    }

    /** The label key of a notification's event: {@code event.run_held}. */
    static String eventKey(Notification notification) {
        return "event." + lower(notification.event);
    }

    /** The label key of a notification's delivery: {@code delivery.delivered}. */
    static String deliveryKey(Notification notification) {
        return "delivery." + lower(notification.delivery);
    }

    /** What went wrong in a run: records not fetched, rejected or gone. */
    static int problems(HarvestRun run) {
        return run.errored + run.rejected + run.gone;
    }

    /**
     * Whether an address from an agency's site may be a link: http(s) only. Anything else (a {@code javascript:} IRI
     * a hostile catalogue names) is shown as text; the page's CSP would not run it either.
     */
    static boolean web(String url) {
        return url != null
                && (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
