package org.onewindow.connectors.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Guesses the charset of bytes that declare none: a byte-order mark, else UTF-8 when the bytes are valid UTF-8,
 * else juniversalchardet's verdict (EUC-KR read as MS949). Korean sites send Korean: a single-byte verdict (a few
 * Korean syllables look like windows-1252 to the detector) or no verdict (MS949's extra syllables such as '똠' are
 * illegal EUC-KR, which the detector gives up on) means MS949 whenever the bytes are valid MS949; else UTF-8.
 */
final class CharsetGuess {

    static final Charset MS949 = Charset.forName("x-windows-949");
    /** Enough text for the detector; more only costs time. */
    private static final int MAX_SCAN_BYTES = 64 * 1024;

    private CharsetGuess() {}

    static Charset of(byte[] body) {
        Charset bom = byteOrderMark(body);
        if (bom != null) {
            return bom;
        }
        if (decodes(body, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        Charset detected = detected(body);
        if (detected != null && (detected.equals(MS949) || !isSingleByte(detected))) {
            return detected;
        }
        if (decodes(body, MS949)) {
            return MS949;
        }
        return detected != null ? detected : StandardCharsets.UTF_8;
    }

    private static Charset detected(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, Math.min(body.length, MAX_SCAN_BYTES));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        return name == null ? null : Charsets.forName(name);
    }

    private static Charset byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean isSingleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    /** Whether the bytes (the first {@link #MAX_SCAN_BYTES} of them) are valid in the charset. */
    static boolean decodes(byte[] body, Charset charset) {
        int length = Math.min(body.length, MAX_SCAN_BYTES);
        boolean whole = length == body.length; // a cut may split the last character: that is no error
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(body, 0, length), CharBuffer.allocate(length), whole);
        return !result.isError()
                && (!whole || !decoder.flush(CharBuffer.allocate(16)).isError());
    }
}
