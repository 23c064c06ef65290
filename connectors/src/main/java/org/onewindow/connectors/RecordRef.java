package org.onewindow.connectors;

/** A record found while gathering: the source's own id for it and the request that fetches its page. */
public record RecordRef(String sourceRecordId, PageRequest request) {
}
