package org.onewindow.connectors;

import java.util.List;
import java.util.Optional;

/** What one listing page yields: the records on it and the next page to read, if any. */
public record GatherResult(List<RecordRef> records, Optional<PageRequest> next) {

    public GatherResult {
        records = List.copyOf(records);
    }
}
