package org.onewindow.connectors.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.onewindow.mappings.html.DisplayHtml;

/** The display rendition of a record page's element, by {@link DisplayHtml}'s safelist (the only one). */
public final class HtmlSanitizer {

    private HtmlSanitizer() {}

    /** The element's content (not the element itself), cleaned, with links resolved against the page URL. */
    public static String contentOf(Element element, String pageUrl) {
        Document owner = element.ownerDocument();
        if (owner != null) {
            owner.outputSettings().prettyPrint(false); // the page's own whitespace, not jsoup's indentation
        }
        return DisplayHtml.clean(element.html(), pageUrl);
    }
}
