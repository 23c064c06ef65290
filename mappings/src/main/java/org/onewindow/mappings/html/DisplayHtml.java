package org.onewindow.mappings.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The display rendition of harvested markup, the only HTML a citizen app ever receives: structure (paragraphs, line
 * breaks, lists, tables, emphasis) and links to http(s) URLs only, made absolute. No scripts, event handlers,
 * styles, classes, images or frames. HTML is "active" when {@link #isSafe} refuses it.
 */
public final class DisplayHtml {

    private static final Safelist SAFELIST = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "strong",
                    "b",
                    "em",
                    "i",
                    "u",
                    "sub",
                    "sup",
                    "span",
                    "div",
                    "blockquote",
                    "a",
                    "caption")
            .addAttributes("a", "href", "rel")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private DisplayHtml() {}

    /**
     * The markup cleaned with the display safelist, links resolved against {@code baseUri}, whitespace collapsed;
     * always {@link #isSafe}.
     */
    public static String clean(String html, String baseUri) {
        String cleaned = Jsoup.clean(html, baseUri == null ? "" : baseUri, SAFELIST, COMPACT)
                .replaceAll("\\s+", " ")
                .strip();
        // A dropped element can leave its text where HTML allows none (a <template>'s text inside <table>), which
        // the cleaner keeps and the safelist refuses: such markup is shown as its text.
        return isSafe(cleaned)
                ? cleaned
                : Entities.escape(Jsoup.parseBodyFragment(cleaned).text());
    }

    /** Whether the markup holds nothing the display safelist would remove (no script, handler, style, foreign link …). */
    public static boolean isSafe(String html) {
        return Jsoup.isValid(html, SAFELIST);
    }
}
