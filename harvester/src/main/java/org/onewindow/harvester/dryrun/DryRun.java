package org.onewindow.harvester.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.onewindow.connectors.Connectors;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.extract.RecordExtractor;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.fetch.PageReader;
import org.onewindow.harvester.gather.ListingGatherer;
import org.onewindow.harvester.run.ErrorSink;
import org.onewindow.harvester.run.RecordFailure;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.source.SourceSecrets;
import org.onewindow.harvester.store.Stage;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * Tries a mapping against the live site with the harvest's own stages (same politeness and URL rules) and reports,
 * per record, the raw fields, the mapped record and what is wrong with it. Stores nothing.
 */
@ApplicationScoped
public class DryRun {

    public record RecordReport(
            String sourceRecordId,
            String url,
            Map<String, List<String>> rawFields,
            ServiceRecord record,
            List<String> problems,
            List<String> warnings,
            boolean publishable) {}

    public record ErrorReport(String stage, String url, String recordId, String message) {}

    public record Report(
            String sourceId,
            String kind,
            int listingPagesRead,
            int recordsTried,
            List<RecordReport> records,
            List<ErrorReport> errors) {}

    @Inject
    SourceCatalog sources;

    @Inject
    ListingGatherer gatherer;

    @Inject
    RecordExtractor extractor;

    @Inject
    PageReader reader;

    @Inject
    HarvesterConfig config;

    @Inject
    ObjectMapper json;

    /** A dry-run's permission is the harvester's, never the permission of the source a posted file names. */
    static final String HOW_TO_ALLOW_PRIVATE_NETWORKS = "dry-runs reach private addresses only where the harvester is"
            + " configured with onewindow.dry-run.allow-private-networks=true"
            + " (environment ONEWINDOW_DRY_RUN_ALLOW_PRIVATE_NETWORKS=true)";

    /**
     * Runs the file as it is written: its own base URL and politeness, never the configuration of the source whose id
     * it declares (no base-URL override, no private-network permission: only {@code onewindow.dry-run.allow-private-networks}),
     * and secrets only as bound to that source and sent to its configured host. The answer is JSON with every secret
     * the run read masked.
     *
     * @throws RuntimeException (a connector configuration error) when the settings cannot work
     */
    public JsonNode run(SourceDefinition definition, int limit) {
        SourceSecrets secrets = sources.secretsForDryRun(definition);
        SourceConnector connector =
                Connectors.create(definition.connector(), definition.connector().baseUrl(), secrets::read);
        int records = Math.max(1, Math.min(limit, config.harvest().dryRunMaxRecords()));
        List<ErrorReport> errors = new ArrayList<>();
        ErrorSink sink = ErrorSink.redacting(
                text -> secrets.mask(connector.redact(text)),
                (stage, url, recordId, message) ->
                        errors.add(new ErrorReport(stage.name().toLowerCase(), url, recordId, message)));
        FetchSession session = new FetchSession(
                definition.politeness().delayMillis(),
                config.dryRun().allowPrivateNetworks(),
                HOW_TO_ALLOW_PRIVATE_NETWORKS,
                secrets,
                () -> {});
        Instant deadline = Instant.now().plus(config.harvest().runTimeout());

        ListingGatherer.Gathered gathered = gatherer.gather(connector, session, deadline, records, sink);
        List<RecordReport> reports = new ArrayList<>();
        for (RecordRef ref : gathered.records()) {
            FetchedPage page = ref.needsFetch()
                    ? reader.read(ref.request(), session, Stage.FETCH, ref.sourceRecordId(), sink)
                    : null;
            if (ref.needsFetch() && page == null) {
                continue;
            }
            try {
                RecordExtractor.Extracted extracted = extractor.extract(definition, connector, ref, page);
                reports.add(new RecordReport(
                        ref.sourceRecordId(),
                        connector.redact(extracted.raw().url()),
                        extracted.raw().fields(),
                        extracted.mapping().record(),
                        extracted.mapping().problems(),
                        extracted.mapping().warnings(),
                        extracted.mapping().valid()));
            } catch (RecordFailure failure) {
                failure.reportTo(sink);
            }
        }
        Report report = new Report(
                definition.id(),
                definition.connector().kind(),
                gathered.pages(),
                gathered.records().size(),
                reports,
                errors);
        try {
            return json.readTree(secrets.mask(json.writeValueAsString(report)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dry-run report not serialisable", e);
        }
    }
}
