package org.onewindow.harvester.fetch;

/**
 * What a server said identifies a page's current content (ETag, Last-Modified), sent back on the next fetch so an
 * unchanged page answers 304 without a body.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public boolean any() {
        return etag != null || lastModified != null;
    }
}
