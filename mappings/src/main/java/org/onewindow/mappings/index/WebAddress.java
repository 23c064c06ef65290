package org.onewindow.mappings.index;

/**
 * The first web address written in a line, as agencies write them in 신청방법: {@code http(s)://…}, or
 * {@code www.<host>.<top-level domain>…} (at least two letters after a dot of the host), up to the next space or
 * ')'. A single forward scan: the regular expression it replaces backtracked over the host of every "www." and was
 * quadratic on a line of many "www." with no top-level domain.
 */
final class WebAddress {

    private WebAddress() {}

    /** The address, or null when the line names none. */
    static String first(CharSequence line) {
        // A "www." inside a host already refused is refused too: its host is a suffix of that one, with fewer dots.
        int refusedUntil = 0;
        for (int i = 0; i < line.length(); i++) {
            int scheme = startsWith(line, i, "https://") ? 8 : startsWith(line, i, "http://") ? 7 : 0;
            if (scheme > 0) {
                int end = end(line, i + scheme);
                if (end > i + scheme) {
                    return line.subSequence(i, end).toString();
                }
            } else if (i >= refusedUntil && startsWith(line, i, "www.")) {
                int hostEnd = hostEnd(line, i + 4);
                if (hostEnd > i + 4 && hasTopLevelDomain(line, i + 5, hostEnd)) {
                    return line.subSequence(i, end(line, i)).toString();
                }
                refusedUntil = hostEnd;
            }
        }
        return null;
    }

    private static boolean startsWith(CharSequence line, int at, String prefix) {
        if (at + prefix.length() > line.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (line.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The end of the address starting at {@code from}: the next white space or ')'. */
    private static int end(CharSequence line, int from) {
        int at = from;
        while (at < line.length() && line.charAt(at) != ')' && !Text.isRegexSpace(line.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int hostEnd(CharSequence line, int from) {
        int at = from;
        while (at < line.length() && isHostChar(line.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Whether a dot at or after {@code from} and before {@code hostEnd} is followed by two letters of the host. */
    private static boolean hasTopLevelDomain(CharSequence line, int from, int hostEnd) {
        for (int dot = from; dot + 2 < hostEnd; dot++) {
            if (line.charAt(dot) == '.' && isLetter(line.charAt(dot + 1)) && isLetter(line.charAt(dot + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHostChar(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
