package org.onewindow.connectors.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.charset.Charsets;

/** Parses a fetched HTML page, decoded by its charset, with links resolving against the URL it was answered on. */
public final class HtmlPages {

    private HtmlPages() {}

    public static Document parse(FetchedPage page) {
        return Jsoup.parse(Charsets.decode(page.body(), page.contentType()), page.finalUrl());
    }
}
