package org.onewindow.catalogue.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.onewindow.mappings.html.DisplayHtml;

/**
 * A record's HTML renditions ({@code html}) as the API serves them: each checked again with the display safelist and
 * cleaned when it is not safe. The harvester already cleans every rendition; this is defence in depth against what
 * reaches the index another way (an older document, a write that bypassed the harvester).
 */
public final class SafeRenditions {

    private SafeRenditions() {}

    /** Makes every rendition of {@code record} safe in place; a rendition that is not text is dropped. */
    public static void apply(ObjectNode record) {
        JsonNode html = record.get("html");
        if (html == null) {
            return;
        }
        if (!html.isObject()) {
            record.remove("html");
            return;
        }
        String page = record.path("url").asText(null);
        ObjectNode safe = record.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> renditions = html.fields(); renditions.hasNext(); ) {
            Map.Entry<String, JsonNode> rendition = renditions.next();
            if (rendition.getValue().isTextual()) {
                String value = rendition.getValue().asText();
                safe.put(rendition.getKey(), DisplayHtml.isSafe(value) ? value : DisplayHtml.clean(value, page));
            }
        }
        record.set("html", safe);
    }
}
