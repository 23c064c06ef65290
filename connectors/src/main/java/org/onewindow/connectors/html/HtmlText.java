package org.onewindow.connectors.html;

import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.onewindow.connectors.Spaces;

/** Element text that keeps the page's line structure: {@code <br>}, list items, paragraphs and rows become lines. */
public final class HtmlText {

    private HtmlText() {}

    public static String of(Element element) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.text());
                        } else if (node instanceof Element e && (e.nameIs("br") || e.isBlock())) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && e.isBlock()) {
                            out.append('\n');
                        }
                    }
                },
                element);
        return out.toString()
                .lines()
                .map(line -> Spaces.collapse(line).strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
