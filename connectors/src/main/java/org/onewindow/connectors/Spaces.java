package org.onewindow.connectors;

/** Runs of whitespace as one space, as {@code replaceAll("\\s+", " ")} does, without a regular expression per call. */
public final class Spaces {

    private Spaces() {}

    /** Each run of ASCII whitespace (what {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return) and no-break space, as one space. */
    public static String collapse(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (space && (c != ' ' || (i + 1 < length && isSpace(text.charAt(i + 1))))) {
                if (out == null) {
                    out = new StringBuilder(length).append(text, 0, i);
                }
                out.append(' ');
                while (i + 1 < length && isSpace(text.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0';
    }
}
