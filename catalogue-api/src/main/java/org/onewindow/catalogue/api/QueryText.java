package org.onewindow.catalogue.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Query text as the user meant it. A URL with raw (unescaped) UTF-8 reaches us decoded byte by byte as
 * ISO-8859-1 ("ì²­ë…„" for 청년); when the text is exactly such a sequence of bytes forming valid UTF-8, it is
 * read again as UTF-8. Anything else (properly escaped text, plain Latin-1 like "café") is left alone.
 */
public final class QueryText {

    private QueryText() {}

    public static String of(String raw) {
        if (raw == null) {
            return null;
        }
        boolean highBytes = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return raw;
            }
            highBytes |= c >= 0x80;
        }
        if (!highBytes) {
            return raw;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return raw;
        }
    }
}
