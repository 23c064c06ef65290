package org.onewindow.harvester.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: {@code X-OneWindow-Signature: t=<unix seconds>,v1=<hex>}, where hex is the
 * HMAC-SHA256, keyed with the shared secret, of {@code <t>.<body>}. The time inside the signed text lets a receiver
 * refuse a replayed delivery.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-OneWindow-Signature";

    private WebhookSignature() {}

    public static String of(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
