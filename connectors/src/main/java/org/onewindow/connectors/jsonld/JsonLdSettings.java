package org.onewindow.connectors.jsonld;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.onewindow.connectors.html.HtmlSettings;

/**
 * Settings of the JSON-LD connector, as written under {@code connector.settings} in a mapping file: listing pages
 * are read as the {@code html} kind reads them; record pages need no selectors, their schema.org JSON-LD says it all.
 *
 * @param list how to read the listing pages (same keys as the html kind's {@code list})
 */
public record JsonLdSettings(@JsonProperty(required = true) HtmlSettings.ListSettings list) {}
