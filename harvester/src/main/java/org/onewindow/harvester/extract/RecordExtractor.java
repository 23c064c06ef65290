package org.onewindow.harvester.extract;

import jakarta.enterprise.context.ApplicationScoped;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.run.RecordFailure;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.source.SourceDefinition;

/** One record through the pure stages: the connector extracts its raw fields, the source's mapping maps them. */
@ApplicationScoped
public class RecordExtractor {

    /** Raw fields and their mapping, valid or not. */
    public record Extracted(RawRecord raw, MappingResult mapping) {}

    private final MappingEngine mapping = new MappingEngine();

    /**
     * @param page the record's own page; null for a record its listing carried whole
     * @throws RecordFailure when the page holds no record ({@link Stage#EXTRACT}) or the mapping fails ({@link Stage#MAP})
     */
    public Extracted extract(SourceDefinition definition, SourceConnector connector, RecordRef ref, FetchedPage page) {
        String url = ref.needsFetch() ? ref.request().url() : null;
        ExtractResult extracted;
        try {
            extracted = connector.extract(ref, page);
        } catch (RuntimeException e) {
            extracted = new ExtractResult.NotAContentPage("extraction failed: " + e);
        }
        if (extracted instanceof ExtractResult.NotAContentPage notContent) {
            throw new RecordFailure(Stage.EXTRACT, url, ref.sourceRecordId(), notContent.reason());
        }
        RawRecord raw = ((ExtractResult.Extracted) extracted).record();
        try {
            return new Extracted(raw, mapping.map(definition, raw));
        } catch (RuntimeException e) {
            throw new RecordFailure(Stage.MAP, url, ref.sourceRecordId(), "mapping failed: " + e);
        }
    }
}
