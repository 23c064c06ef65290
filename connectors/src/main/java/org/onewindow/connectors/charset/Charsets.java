package org.onewindow.connectors.charset;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes fetched bytes. HTML: charset from the HTTP header, else from {@code <meta>}, else detected (see
 * {@link CharsetGuess}); a declaration the bytes are invalid in is skipped. XML: the header, else the XML declaration, else UTF-8. JSON: the header, else UTF-8.
 * "EUC-KR" is read as MS949, its superset that Korean sites really send (characters outside EUC-KR appear on real
 * pages).
 */
public final class Charsets {

    private static final Pattern CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("<meta[^>]*charset[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)[\"']");
    private static final int META_SCAN_BYTES = 4096;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Charsets() {}

    /** An HTML page's text. */
    public static String decode(byte[] body, String contentTypeHeader) {
        return new String(body, detect(body, contentTypeHeader));
    }

    /** A declared charset the bytes are not valid in is a wrong declaration (it happens): the next clue decides. */
    public static Charset detect(byte[] body, String contentTypeHeader) {
        return fromContentType(contentTypeHeader)
                .filter(charset -> CharsetGuess.decodes(body, charset))
                .or(() -> fromMeta(body).filter(charset -> CharsetGuess.decodes(body, charset)))
                .orElseGet(() -> CharsetGuess.of(body));
    }

    /** An XML document's text, without a byte-order mark; its encoding declaration is then moot. */
    public static String decodeXml(byte[] body, String contentTypeHeader) {
        Charset charset = fromContentType(contentTypeHeader)
                .or(() -> fromXmlDeclaration(body))
                .orElse(StandardCharsets.UTF_8);
        return withoutByteOrderMark(new String(body, charset));
    }

    /** A JSON document's text (RFC 8259: UTF-8 unless the header says otherwise), without a byte-order mark. */
    public static String decodeJson(byte[] body, String contentTypeHeader) {
        return withoutByteOrderMark(
                new String(body, fromContentType(contentTypeHeader).orElse(StandardCharsets.UTF_8)));
    }

    /** The charset a Content-Type header names, if Java knows it. */
    public static Optional<Charset> fromContentType(String contentTypeHeader) {
        return Optional.ofNullable(charsetIn(contentTypeHeader));
    }

    private static Optional<Charset> fromMeta(byte[] body) {
        Matcher meta = META.matcher(head(body));
        return meta.find() ? Optional.ofNullable(charsetIn(meta.group())) : Optional.empty();
    }

    private static Optional<Charset> fromXmlDeclaration(byte[] body) {
        Matcher declaration = XML_ENCODING.matcher(
                head(body).replace("\u00EF\u00BB\u00BF", "")); // a UTF-8 byte-order mark, read as Latin-1
        return declaration.find() ? Optional.ofNullable(forName(declaration.group(1))) : Optional.empty();
    }

    private static String head(byte[] body) {
        return new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    }

    private static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static Charset charsetIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(text);
        if (!m.find()) {
            return null;
        }
        return forName(m.group(1));
    }

    static Charset forName(String name) {
        String normalised = name.toLowerCase(Locale.ROOT);
        if (normalised.equals("euc-kr")
                || normalised.equals("euckr")
                || normalised.equals("ks_c_5601-1987")
                || normalised.equals("cp949")
                || normalised.equals("ms949")) {
            return CharsetGuess.MS949;
        }
        try {
            Charset charset = Charset.forName(name);
            // Java's other EUC-KR aliases (ksc5601, csEUCKR, 5601…) mean MS949 too.
            return charset.name().equals("EUC-KR") ? CharsetGuess.MS949 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
