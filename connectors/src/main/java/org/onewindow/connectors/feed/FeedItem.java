package org.onewindow.connectors.feed;

import java.util.List;
import java.util.Map;

/**
 * One RSS item or Atom entry, read.
 *
 * @param id      guid, else Atom id, else link (session id stripped); null when the item has none of them
 * @param link    the item's absolute http(s) link, or null
 * @param fields  raw fields: title, description, summary, content, link, published, updated, category, guid, id, author
 * @param problem why the item cannot be a record (an impossible date), or null
 */
record FeedItem(String id, String link, Map<String, List<String>> fields, String problem) {

    FeedItem {
        fields = Map.copyOf(fields);
    }
}
