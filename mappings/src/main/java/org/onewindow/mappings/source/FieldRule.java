package org.onewindow.mappings.source;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one target field is filled (see mappings/README.md, "Mapping language"): the raw fields to try in order (the
 * first with a non-blank value wins; with {@code merge}, the values of all of them in turn, each once), then for each
 * value: {@code split} into several, trim (always), {@code extract} a part; {@code default} when nothing is left; then
 * the mapping's own {@code aliases} of vocabulary terms, {@code valueMap} onto a vocabulary, {@code dateFormat},
 * {@code absoluteUrl}; and {@code join} into one. In a file, a bare list or a single name is short for {@code from}.
 */
@JsonDeserialize(using = FieldRuleReader.class)
public record FieldRule(
        List<String> from,
        String split,
        String join,
        Pattern extract,
        String dateFormat,
        String valueMap,
        boolean absoluteUrl,
        String defaultValue,
        boolean merge,
        Map<String, String> aliases) {

    /**
     * Characters an extract pattern may read per character of a value (at least {@link #EXTRACT_MIN_READS} in all):
     * a linear pattern reads each character a few times, a quadratic or catastrophic one runs out.
     */
    public static final int EXTRACT_READS_PER_CHARACTER = 1_000;

    public static final long EXTRACT_MIN_READS = 100_000;

    /** The keys a rule object may hold, in the order the README explains them. */
    public static final List<String> KEYS = List.of(
            "from", "merge", "split", "extract", "default", "aliases", "valueMap", "dateFormat", "absoluteUrl", "join");

    public FieldRule {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("a field rule needs at least one raw field in 'from'");
        }
        from = List.copyOf(from);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        if (dateFormat != null) {
            dateFormatter(dateFormat);
        }
    }

    public FieldRule(List<String> from) {
        this(from, null, null, null, null, null, false, null);
    }

    public FieldRule(
            List<String> from,
            String split,
            String join,
            Pattern extract,
            String dateFormat,
            String valueMap,
            boolean absoluteUrl,
            String defaultValue) {
        this(from, split, join, extract, dateFormat, valueMap, absoluteUrl, defaultValue, false, Map.of());
    }

    /** The separator {@code split} names, with "\n" and "\t" read as a line break and a tab. */
    public String splitSeparator() {
        return unescape(split);
    }

    /** The separator {@code join} names, escapes read as for {@link #splitSeparator()}. */
    public String joinSeparator() {
        return unescape(join);
    }

    /**
     * The part of a value the rule keeps; null when the extract pattern does not match.
     *
     * @throws ExtractBudgetExceededException when the pattern reads more of the value than its budget allows
     */
    public String apply(String value) {
        if (extract == null) {
            return value;
        }
        long budget = extractBudget(value.length());
        Matcher m = extract.matcher(new BudgetedText(value, budget));
        try {
            if (!m.find()) {
                return null;
            }
        } catch (BudgetedText.Exhausted e) {
            throw ExtractBudgetExceededException.reads(extract.pattern(), value.length(), budget);
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of a group: deep enough, that is the same runaway work
            throw ExtractBudgetExceededException.stack(extract.pattern(), value.length());
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    /** Characters an extract pattern may read of a value of this length. */
    static long extractBudget(int valueLength) {
        return Math.max(EXTRACT_MIN_READS, (long) EXTRACT_READS_PER_CHARACTER * valueLength);
    }

    /** The rule's date format; null when it has none. */
    public DateTimeFormatter dateFormatter() {
        return dateFormat == null ? null : dateFormatter(dateFormat);
    }

    /**
     * A java.time pattern read strictly (2026-02-30 is an error, not 2026-02-28); "yyyy" needs no era.
     *
     * @throws IllegalArgumentException when the pattern is invalid or reads no full date
     */
    public static DateTimeFormatter dateFormatter(String pattern) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
        String printed = pattern.replaceAll("'[^']*'", "");
        if (!(printed.contains("y") || printed.contains("u")) || !printed.contains("M") || !printed.contains("d")) {
            throw new IllegalArgumentException("date format '" + pattern + "' must read a year, a month and a day");
        }
        return formatter;
    }

    private static String unescape(String separator) {
        return separator == null ? null : separator.replace("\\n", "\n").replace("\\t", "\t");
    }
}
