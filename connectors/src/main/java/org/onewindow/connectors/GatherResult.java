package org.onewindow.connectors;

import java.util.List;
import java.util.Optional;

/**
 * What one listing page yields: the records on it, the next page to read, if any, and further listing pages it
 * names (the child sitemaps of a sitemap index); or, when the connector cannot read the page, why
 * ({@link #unreadable}): no records then, and no further page.
 */
public record GatherResult(
        List<RecordRef> records, Optional<PageRequest> next, List<PageRequest> alsoRead, Optional<String> failure) {

    public GatherResult {
        records = List.copyOf(records);
        alsoRead = alsoRead == null ? List.of() : List.copyOf(alsoRead);
        failure = failure == null ? Optional.empty() : failure;
    }

    public GatherResult(List<RecordRef> records, Optional<PageRequest> next, List<PageRequest> alsoRead) {
        this(records, next, alsoRead, Optional.empty());
    }

    public GatherResult(List<RecordRef> records, Optional<PageRequest> next) {
        this(records, next, List.of());
    }

    /** The listing page cannot be read (not the document the connector reads, or broken): the listing is incomplete. */
    public static GatherResult unreadable(String reason) {
        return new GatherResult(List.of(), Optional.empty(), List.of(), Optional.of(reason));
    }
}
