package org.onewindow.harvester.run;

import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.fetch.Politeness;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.source.SourceDefinition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** One record through fetch → extract → map: its raw fields and mapped record, or the stage that failed. */
@ApplicationScoped
public class RecordProcessor {

    /** The record's raw fields and mapping (valid or not), or null when an earlier stage failed (reported). */
    public record Processed(RawRecord raw, MappingResult mapping) {
    }

    @Inject
    PageReader reader;

    private final MappingEngine mapping = new MappingEngine();

    public Processed process(SourceDefinition definition, SourceConnector connector, RecordRef ref, Politeness politeness,
            ErrorSink errors) {
        String url = ref.needsFetch() ? ref.request().url() : null;
        FetchedPage page = null;
        if (ref.needsFetch()) {
            page = reader.read(ref.request(), politeness, Stage.FETCH, ref.sourceRecordId(), errors);
            if (page == null) {
                return null;
            }
        }
        ExtractResult extracted;
        try {
            extracted = connector.extract(ref, page);
        } catch (RuntimeException e) {
            extracted = new ExtractResult.NotAContentPage("extraction failed: " + e);
        }
        if (extracted instanceof ExtractResult.NotAContentPage notContent) {
            errors.error(Stage.EXTRACT, url, ref.sourceRecordId(), notContent.reason());
            return null;
        }
        RawRecord raw = ((ExtractResult.Extracted) extracted).record();
        try {
            return new Processed(raw, mapping.map(definition, raw));
        } catch (RuntimeException e) {
            errors.error(Stage.MAP, url, ref.sourceRecordId(), "mapping failed: " + e);
            return null;
        }
    }
}
