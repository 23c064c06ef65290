package org.onewindow.connectors.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes page bytes: charset from the HTTP header, else from {@code <meta>}, else UTF-8. "EUC-KR" is read as
 * MS949, its superset that Korean sites really send (characters outside EUC-KR appear on real pages).
 */
public final class Charsets {

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset MS949 = Charset.forName("x-windows-949");
    private static final int META_SCAN_BYTES = 4096;

    private Charsets() {
    }

    public static String decode(byte[] body, String contentTypeHeader) {
        return new String(body, detect(body, contentTypeHeader));
    }

    public static Charset detect(byte[] body, String contentTypeHeader) {
        Charset fromHeader = charsetIn(contentTypeHeader);
        if (fromHeader != null) {
            return fromHeader;
        }
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = Pattern.compile("<meta[^>]*charset[^>]*>", Pattern.CASE_INSENSITIVE).matcher(head);
        if (meta.find()) {
            Charset fromMeta = charsetIn(meta.group());
            if (fromMeta != null) {
                return fromMeta;
            }
        }
        return StandardCharsets.UTF_8;
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
        if (normalised.equals("euc-kr") || normalised.equals("euckr") || normalised.equals("ks_c_5601-1987")
                || normalised.equals("cp949") || normalised.equals("ms949")) {
            return MS949;
        }
        try {
            Charset charset = Charset.forName(name);
            // Java's other EUC-KR aliases (ksc5601, csEUCKR, 5601…) mean MS949 too.
            return charset.name().equals("EUC-KR") ? MS949 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
