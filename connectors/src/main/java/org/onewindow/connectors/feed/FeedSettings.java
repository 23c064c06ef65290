package org.onewindow.connectors.feed;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Settings of the RSS 2.0 / Atom feed connector, as written under {@code connector.settings} in a mapping file.
 *
 * @param path           the feed's URL, relative to the source's base URL
 * @param fetchItemPages whether each item's link is fetched too (its {@code <title>} then joins the item's fields);
 *                       default false: the item is the whole record
 */
public record FeedSettings(@JsonProperty(required = true) String path, Boolean fetchItemPages) {

    public FeedSettings {
        fetchItemPages = fetchItemPages != null && fetchItemPages;
    }
}
