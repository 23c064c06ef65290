package org.onewindow.mappings.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The catalogue-wide id a record gets when it is first added: {@code <source id>~<local id, escaped>}. The harvester
 * stores it with the record and looks it up by (source, local id) ever after, so an id never changes once given, ids
 * given before this form ({@code <source id>-<local id with characters folded to _>}) included.
 * <p>
 * The form is injective: source ids never contain {@code ~} (lower-case letters, digits and {@code -}), so the first
 * {@code ~} ends the source id; the local id keeps {@code A-Z a-z 0-9 . _ -} and writes every other UTF-8 byte as
 * {@code ~} and two upper-case hex digits ({@code ~} itself is {@code ~7E}, a lone surrogate {@code ~U} and four).
 * Ids of the earlier form contain no {@code ~}, so a new id never equals one of them, and every id is safe in a URL
 * path segment as it stands. A local id whose escaped form would make the id longer than {@value #MAX_LENGTH}
 * characters is written as {@code ~H} and the SHA-256 of its escaped form ({@code <source id>~~H<64 hex digits>};
 * no escape starts {@code ~H}).
 */
public final class CatalogueIds {

    public static final char SEPARATOR = '~';

    /** Well under Elasticsearch's 512-byte limit on a document id and short enough for any URL. */
    public static final int MAX_LENGTH = 200;

    /**
     * What any catalogue id looks like, of this form or the earlier one (whose local part had no length limit short of
     * Elasticsearch's 512 bytes): anything else names no service.
     */
    public static final Pattern ANY_ID = Pattern.compile("[A-Za-z0-9_.~-]{1,512}");

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private CatalogueIds() {}

    public static String of(String sourceId, String localId) {
        String escaped = escape(localId);
        if (sourceId.length() + 1 + escaped.length() <= MAX_LENGTH) {
            return sourceId + SEPARATOR + escaped;
        }
        return sourceId + SEPARATOR + SEPARATOR + "H" + sha256(escaped);
    }

    static String escape(String localId) {
        StringBuilder escaped = new StringBuilder(localId.length() + 8);
        for (int i = 0; i < localId.length(); ) {
            int codePoint = localId.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isKept(codePoint)) {
                escaped.append((char) codePoint);
            } else if (Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE) {
                escaped.append(SEPARATOR).append('U').append(HEX.toHexDigits((char) codePoint));
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    escaped.append(SEPARATOR).append(HEX.toHexDigits(b));
                }
            }
        }
        return escaped.toString();
    }

    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '-';
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
