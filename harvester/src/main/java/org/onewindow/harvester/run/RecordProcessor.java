package org.onewindow.harvester.run;

import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.fetch.Validators;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.source.SourceDefinition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** One record through fetch → extract → map: its raw fields and mapped record, or what stopped it. */
@ApplicationScoped
public class RecordProcessor {

    /** What became of one record. */
    public sealed interface Outcome {
    }

    /** Raw fields and mapping (valid or not), with the page's validators for the next conditional fetch. */
    public record Processed(RawRecord raw, MappingResult mapping, Validators validators) implements Outcome {
    }

    /** The page answered 304 to our validators: the stored record is current. */
    public record NotModified() implements Outcome {
    }

    /** The page answered 404 or 410 (reported). */
    public record Gone() implements Outcome {
    }

    /**
     * A stage failed (reported): the page could not be fetched ({@link Stage#FETCH}), or the source served it but it
     * could not be extracted or mapped (the record is rejected).
     */
    public record Failed(Stage stage) implements Outcome {
    }

    @Inject
    PageReader reader;

    private final MappingEngine mapping = new MappingEngine();

    /** @param validators of the stored copy, for a conditional fetch; {@link Validators#NONE} to fetch in full */
    public Outcome process(SourceDefinition definition, SourceConnector connector, RecordRef ref, Validators validators,
            FetchSession session, ErrorSink errors) {
        String url = ref.needsFetch() ? ref.request().url() : null;
        FetchedPage page = null;
        Validators fresh = Validators.NONE;
        if (ref.needsFetch()) {
            PageReader.Read read = reader.read(ref.request(), validators, session, Stage.FETCH, ref.sourceRecordId(), errors);
            if (read instanceof PageReader.NotModified) {
                return new NotModified();
            }
            if (read instanceof PageReader.Gone) {
                return new Gone();
            }
            if (!(read instanceof PageReader.Page fetched)) {
                return new Failed(Stage.FETCH);
            }
            page = fetched.page();
            fresh = fetched.validators();
        }
        ExtractResult extracted;
        try {
            extracted = connector.extract(ref, page);
        } catch (RuntimeException e) {
            extracted = new ExtractResult.NotAContentPage("extraction failed: " + e);
        }
        if (extracted instanceof ExtractResult.NotAContentPage notContent) {
            errors.error(Stage.EXTRACT, url, ref.sourceRecordId(), notContent.reason());
            return new Failed(Stage.EXTRACT);
        }
        RawRecord raw = ((ExtractResult.Extracted) extracted).record();
        try {
            return new Processed(raw, mapping.map(definition, raw), fresh);
        } catch (RuntimeException e) {
            errors.error(Stage.MAP, url, ref.sourceRecordId(), "mapping failed: " + e);
            return new Failed(Stage.MAP);
        }
    }
}
