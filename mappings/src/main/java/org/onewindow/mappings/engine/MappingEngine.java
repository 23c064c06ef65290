package org.onewindow.mappings.engine;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.onewindow.mappings.model.CompetentAuthority;
import org.onewindow.mappings.model.LocalizedText;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.FieldRule;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.TargetField;

/** Pure: raw fields + the source's mapping → a {@link ServiceRecord} and its validation problems. */
public final class MappingEngine {

    // STRICT: an impossible date (2026-02-30) is unreadable, not silently moved to the month's last day.
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.MM.dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*(\\d{4}[-.]?\\d{1,2}[-.]?\\d{1,2})");

    public MappingResult map(SourceDefinition source, RawRecord raw) {
        Values values = new Values(source, raw);
        List<String> problems = new ArrayList<>();

        String authorityName = values.text(TargetField.AUTHORITY_NAME);
        CompetentAuthority authority = new CompetentAuthority(
                authorityName == null ? source.agency().code() : null,
                authorityName == null ? source.agency().name() : authorityName,
                source.agency().type(),
                values.text(TargetField.DEPARTMENT));

        LocalDate lastModified = null;
        String modified = values.text(TargetField.LAST_MODIFIED);
        if (modified != null) {
            lastModified = parseDate(modified);
            if (lastModified == null) {
                problems.add("lastModified: unreadable date '" + modified + "'");
            }
        }

        LocalizedText name = localized(values.text(TargetField.NAME), values.text(TargetField.NAME_EN));
        LocalizedText summary = LocalizedText.korean(values.text(TargetField.SUMMARY));
        LocalizedText description = LocalizedText.korean(values.text(TargetField.DESCRIPTION));

        ServiceRecord record = new ServiceRecord(
                ServiceRecord.catalogueId(source.id(), raw.sourceRecordId()),
                source.id(),
                raw.sourceRecordId(),
                raw.url(),
                name,
                summary,
                description,
                values.text(TargetField.SUPPORT_TYPE),
                values.text(TargetField.AUDIENCE),
                values.text(TargetField.ELIGIBILITY),
                values.text(TargetField.BENEFITS),
                values.text(TargetField.HOW_TO_APPLY),
                values.text(TargetField.APPLICATION_PERIOD),
                values.list(TargetField.REQUIRED_DOCUMENTS),
                authority,
                values.text(TargetField.CONTACT),
                values.list(TargetField.CATEGORIES),
                lastModified);

        if (name == null) {
            problems.add("name: missing");
        }
        if (summary == null && description == null) {
            problems.add("description: missing (neither summary nor description)");
        }
        if (authority.name() == null || authority.name().isBlank()) {
            problems.add("competentAuthority: missing");
        }
        if (!isHttpUrl(raw.url())) {
            problems.add("url: not an absolute http(s) URL: '" + raw.url() + "'");
        }
        return new MappingResult(record, problems);
    }

    private static LocalizedText localized(String ko, String en) {
        return ko == null && en == null ? null : new LocalizedText(ko, en);
    }

    static LocalDate parseDate(String text) {
        var matcher = DATE_PREFIX.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String date = matcher.group(1);
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(date, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    private static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Applies field rules: first raw field with a non-blank value wins, then split and default. */
    private record Values(SourceDefinition source, RawRecord raw) {

        String text(TargetField field) {
            List<String> values = list(field);
            return values.isEmpty() ? null : String.join("\n", values);
        }

        List<String> list(TargetField field) {
            FieldRule rule = source.fields().get(field);
            if (rule == null) {
                return List.of();
            }
            for (String rawField : rule.from()) {
                List<String> values = raw.values(rawField).stream()
                        .flatMap(v -> rule.split() == null ? java.util.stream.Stream.of(v)
                                : Arrays.stream(v.split(Pattern.quote(unescape(rule.split())))))
                        .map(String::strip)
                        .map(rule::apply)
                        .filter(v -> v != null && !v.isEmpty())
                        .toList();
                if (!values.isEmpty()) {
                    return values;
                }
            }
            return rule.defaultValue() == null ? List.of() : List.of(rule.defaultValue());
        }

        private static String unescape(String separator) {
            return separator.replace("\\n", "\n");
        }
    }
}
