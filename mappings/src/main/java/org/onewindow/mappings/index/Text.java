package org.onewindow.mappings.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Cutting harvested text into the pieces the index readings look at, by single forward or backward scans: no regular
 * expression, so a piece costs its length however hostile the text. Pieces are views ({@code subSequence}), not copies.
 */
final class Text {

    /** A test of one character. */
    interface CharTest {
        boolean test(char c);
    }

    private Text() {}

    /** The non-blank lines, stripped, as {@link String#lines()} cuts them (at \n, \r and \r\n). */
    static List<CharSequence> lines(CharSequence text) {
        return cut(text, false);
    }

    /** The parts of a contact text: separated by "||" (how several 문의처 are joined) or by line breaks, stripped. */
    static List<CharSequence> contactParts(CharSequence text) {
        return cut(text, true);
    }

    private static List<CharSequence> cut(CharSequence text, boolean contact) {
        List<CharSequence> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int separator = c == '\n' || !contact && c == '\r'
                    ? 1
                    : contact && c == '|' && i + 1 < text.length() && text.charAt(i + 1) == '|' ? 2 : 0;
            if (separator > 0) {
                addStripped(parts, text.subSequence(start, i));
                i += separator;
                start = i;
            } else {
                i++;
            }
        }
        addStripped(parts, text.subSequence(start, text.length()));
        return parts;
    }

    private static void addStripped(List<CharSequence> parts, CharSequence part) {
        CharSequence stripped = strip(part);
        if (stripped.length() > 0) {
            parts.add(stripped);
        }
    }

    /** As {@link String#strip()}: without the white space at either end. */
    static CharSequence strip(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(start, end);
    }

    /** Where {@code text[0, end)} ends once the characters passing {@code trailing} are taken off its end. */
    static int withoutTrailing(CharSequence text, int end, CharTest trailing) {
        int at = end;
        while (at > 0 && trailing.test(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    /** White space as a regular expression's {@code \s} means it: [ \t\n\x0B\f\r]. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
