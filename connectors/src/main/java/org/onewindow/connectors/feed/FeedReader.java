package org.onewindow.connectors.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.onewindow.connectors.Spaces;
import org.onewindow.connectors.Urls;
import org.onewindow.connectors.html.HtmlText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/** Reads the items of an RSS 2.0 or Atom document into raw fields; text that is HTML becomes plain text. */
final class FeedReader {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

    private FeedReader() {}

    /** @throws IllegalArgumentException when the document is neither RSS 2.0 nor Atom */
    static List<FeedItem> items(Document document, String feedUrl) {
        Element root = document.getDocumentElement();
        if (root.getNamespaceURI() == null && "rss".equals(root.getLocalName())) {
            Element channel = first(root, null, "channel");
            if (channel == null) {
                throw new IllegalArgumentException("RSS document without a <channel>");
            }
            return children(channel, null, "item").stream()
                    .map(item -> rssItem(item, feedUrl))
                    .toList();
        }
        if (ATOM.equals(root.getNamespaceURI()) && "feed".equals(root.getLocalName())) {
            return children(root, ATOM, "entry").stream()
                    .map(entry -> atomEntry(entry, feedUrl))
                    .toList();
        }
        throw new IllegalArgumentException(
                "not an RSS 2.0 or Atom feed: the root element is <" + root.getTagName() + ">");
    }

    private static FeedItem rssItem(Element item, String feedUrl) {
        Fields fields = new Fields();
        fields.add("title", plain(text(item, null, "title")));
        fields.add("description", html(text(item, null, "description")));
        fields.add("content", html(text(item, CONTENT, "encoded")));
        String link = Urls.stripSessionId(Urls.absoluteHttp(feedUrl, text(item, null, "link")));
        fields.add("link", link);
        String guid = plain(text(item, null, "guid"));
        fields.add("guid", guid);
        for (Element category : children(item, null, "category")) {
            fields.add("category", plain(category.getTextContent()));
        }
        fields.add("author", plain(firstNonNull(text(item, DUBLIN_CORE, "creator"), text(item, null, "author"))));
        String pubDate = text(item, null, "pubDate");
        if (pubDate != null) {
            fields.date("published", "pubDate", pubDate, FeedDates::rfc822);
        } else {
            fields.date("published", "dc:date", text(item, DUBLIN_CORE, "date"), FeedDates::rfc3339);
        }
        return fields.item(firstNonNull(guid, link), link);
    }

    private static FeedItem atomEntry(Element entry, String feedUrl) {
        Fields fields = new Fields();
        fields.add("title", atomText(first(entry, ATOM, "title")));
        fields.add("summary", atomText(first(entry, ATOM, "summary")));
        Element content = first(entry, ATOM, "content");
        fields.add("content", content == null || content.hasAttribute("src") ? null : atomText(content));
        String link = Urls.stripSessionId(Urls.absoluteHttp(feedUrl, alternateLink(entry)));
        fields.add("link", link);
        String id = plain(text(entry, ATOM, "id"));
        fields.add("id", id);
        for (Element category : children(entry, ATOM, "category")) {
            fields.add(
                    "category",
                    plain(
                            category.hasAttribute("label")
                                    ? category.getAttribute("label")
                                    : category.getAttribute("term")));
        }
        Element author = first(entry, ATOM, "author");
        fields.add("author", author == null ? null : plain(text(author, ATOM, "name")));
        fields.date("published", "published", text(entry, ATOM, "published"), FeedDates::rfc3339);
        fields.date("updated", "updated", text(entry, ATOM, "updated"), FeedDates::rfc3339);
        return fields.item(firstNonNull(id, link), link);
    }

    private static String alternateLink(Element entry) {
        for (Element link : children(entry, ATOM, "link")) {
            String rel = link.getAttribute("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                return link.getAttribute("href");
            }
        }
        return null;
    }

    /** Atom text constructs: type text (default), html (escaped markup) or xhtml (inline markup). */
    private static String atomText(Element element) {
        if (element == null) {
            return null;
        }
        return switch (element.getAttribute("type")) {
            case "html", "text/html" -> html(element.getTextContent());
            case "xhtml" -> html(innerXml(element));
            default -> plain(element.getTextContent());
        };
    }

    private static String innerXml(Element element) {
        LSSerializer serializer =
                ((DOMImplementationLS) element.getOwnerDocument().getImplementation()).createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        StringBuilder xml = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            xml.append(serializer.writeToString(child));
        }
        return xml.toString();
    }

    private static String html(String markup) {
        return markup == null
                ? null
                : HtmlText.of(Jsoup.parseBodyFragment(markup).body());
    }

    private static String plain(String text) {
        return text == null ? null : Spaces.collapse(text).strip();
    }

    private static String text(Element parent, String namespace, String name) {
        Element element = first(parent, namespace, name);
        return element == null ? null : element.getTextContent();
    }

    private static Element first(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element
                    && name.equals(element.getLocalName())
                    && Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String firstNonNull(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** Fields of one item in reading order, with the first problem met. */
    private static final class Fields {

        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private String problem;

        void add(String field, String value) {
            if (value != null && !value.isBlank()) {
                values.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            }
        }

        void date(String field, String element, String text, Function<String, LocalDate> parser) {
            if (text == null || text.isBlank()) {
                return;
            }
            try {
                add(field, parser.apply(text).toString());
            } catch (DateTimeException e) {
                String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                problem = problem != null
                        ? problem
                        : "impossible or unreadable date in " + element + ": '" + text.strip() + "' (" + reason + ")";
            }
        }

        FeedItem item(String id, String link) {
            return new FeedItem(id == null ? null : Urls.stripSessionId(id.strip()), link, values, problem);
        }
    }
}
