package org.onewindow.connectors;

import java.util.List;
import java.util.Optional;

/**
 * What one listing page yields: the records on it, the next page to read, if any, and further listing pages it
 * names (the child sitemaps of a sitemap index).
 */
public record GatherResult(List<RecordRef> records, Optional<PageRequest> next, List<PageRequest> alsoRead) {

    public GatherResult {
        records = List.copyOf(records);
        alsoRead = alsoRead == null ? List.of() : List.copyOf(alsoRead);
    }

    public GatherResult(List<RecordRef> records, Optional<PageRequest> next) {
        this(records, next, List.of());
    }
}
