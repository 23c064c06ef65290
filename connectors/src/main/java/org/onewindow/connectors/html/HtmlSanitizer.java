package org.onewindow.connectors.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The display rendition of harvested markup: structure (paragraphs, line breaks, lists, tables, emphasis) and
 * links to http(s) URLs only, made absolute. No scripts, event handlers, styles, classes, images or frames reach an
 * app.
 */
public final class HtmlSanitizer {

    private static final Safelist DISPLAY = new Safelist()
            .addTags("p", "br", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td",
                    "strong", "b", "em", "i", "u", "sub", "sup", "span", "div", "blockquote", "a")
            .addAttributes("a", "href")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private HtmlSanitizer() {
    }

    /** The element's content (not the element itself), cleaned, with links resolved against the page URL. */
    public static String contentOf(Element element, String pageUrl) {
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        Document owner = element.ownerDocument();
        if (owner != null) {
            owner.outputSettings().prettyPrint(false); // the page's own whitespace, not jsoup's indentation
        }
        String cleaned = Jsoup.clean(element.html(), pageUrl, DISPLAY, compact);
        return cleaned.replaceAll("\\s+", " ").strip();
    }
}
