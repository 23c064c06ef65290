package org.onewindow.catalogue.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.onewindow.catalogue.search.VisibleIndex;

/**
 * One state of the catalogue as the export shows it: the change feed's highest position, the index behind the alias
 * and what searches see in it, and the base of the document's IRIs. Two equal versions give the same document.
 */
public record CatalogueVersion(long feedPosition, VisibleIndex index, String baseUrl) {

    /** The document's entity tag, from the version alone (the document is never read to make it). */
    public String etag() {
        String version = feedPosition + " " + index.name() + " " + index.uuid() + " " + index.services() + " "
                + index.highestSequenceNumber() + " " + baseUrl;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
