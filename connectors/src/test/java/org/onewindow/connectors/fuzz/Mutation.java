package org.onewindow.connectors.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One change to a document's bytes, at places given as fractions of its length (so one mutation fits every
 * document): cut it short, delete, duplicate or swap ranges, inject hostile markup, nest deeply, break the encoding.
 */
record Mutation(Operation operation, double from, double to, String payload) {

    enum Operation {
        TRUNCATE,
        DELETE,
        DUPLICATE,
        SWAP,
        INJECT,
        NEST,
        INVALID_BYTES
    }

    /** Markup and keys an attacker would plant, for every kind of document. */
    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<p style=\"position:fixed\" onmouseover=\"steal()\">지원내용</p>",
            "<th>지원내용</th><td><a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)></td>",
            "<dt>지원유형</dt><dd><script>alert(1)</script></dd><dt>사업목적</dt><dd onclick=x()>목적</dd>",
            "\"서비스목적#html\":\"<img src=x onerror=alert(1)>\",",
            "\"purpose#html\": \"<script>alert(1)</script>\", ",
            "{\"@value\": \"<b onclick=x()>b</b>\", \"@language\": \"en#html\"}",
            "\"description\": \"<img src=x onerror=alert(1)>\",",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>",
            "javascript:alert(1)",
            "xml:lang=\"ko#html\" ",
            "\"ko#html\"",
            "<content:encoded><![CDATA[<img src=x onerror=alert(1)>]]></content:encoded>",
            "<description>&lt;img src=x onerror=alert(1)&gt;</description>",
            "\u0000\uFFFE\uFEFF");

    /** Openings nested thousands deep. */
    static final List<String> OPENINGS = List.of("<div>", "<x>", "[", "{\"a\":", "<table><tr><td>", "(", "<![CDATA[");

    byte[] apply(byte[] document) {
        int length = document.length;
        int a = (int) (from * length);
        int b = Math.max(a, (int) (to * length));
        return switch (operation) {
            case TRUNCATE -> Arrays.copyOf(document, a);
            case DELETE -> concat(slice(document, 0, a), slice(document, b, length));
            case DUPLICATE -> concat(slice(document, 0, b), slice(document, a, length));
            case SWAP -> concat(slice(document, 0, a), slice(document, b, length), slice(document, a, b));
            case INJECT -> {
                int at = afterOpening(document, a); // inside an object or element, where a planted key or tag parses
                yield concat(slice(document, 0, at), utf8(payload), slice(document, at, length));
            }
            case NEST ->
                concat(
                        slice(document, 0, a),
                        utf8(payload.repeat(2_000 + (int) (to * 8_000))),
                        slice(document, a, length));
            case INVALID_BYTES ->
                concat(
                        slice(document, 0, a),
                        new byte[] {
                            (byte) 0xC3,
                            0x28,
                            (byte) 0xFF,
                            (byte) 0xFE,
                            (byte) 0xED,
                            (byte) 0xA0,
                            (byte) 0x80,
                            (byte) 0x8B,
                            0x1F,
                            (byte) 0x8B
                        },
                        slice(document, b, length));
        };
    }

    private static int afterOpening(byte[] document, int from) {
        for (int i = from; i < document.length; i++) {
            if (document[i] == '{' || document[i] == '>') {
                return i + 1;
            }
        }
        return from;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
