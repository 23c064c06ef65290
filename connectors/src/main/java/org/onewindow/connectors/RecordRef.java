package org.onewindow.connectors;

import java.util.List;
import java.util.Map;

/**
 * A record found while gathering: the source's own id for it, the request that fetches its page (null when the
 * listing already holds the whole record, as a feed item or an API list entry may), and the fields the listing
 * itself gave (an API's list endpoint carries fields its detail endpoint lacks, e.g. 조회수). Listing fields come from
 * the source's document: names that would pose as a display rendition are dropped ({@link SourceFields}).
 */
public record RecordRef(String sourceRecordId, PageRequest request, Map<String, List<String>> listFields) {

    public RecordRef {
        listFields = listFields == null ? Map.of() : Map.copyOf(SourceFields.withoutRenditions(listFields));
    }

    public RecordRef(String sourceRecordId, PageRequest request) {
        this(sourceRecordId, request, Map.of());
    }

    /** True when there is a record page to fetch; otherwise {@code extract} gets no page. */
    public boolean needsFetch() {
        return request != null;
    }
}
