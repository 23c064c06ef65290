package org.onewindow.harvester.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /**
     * @param listed records the listing named on the pages read
     * @param listingComplete whether every listing page was read
     * @param nextOffset the offset of the next records, when there are more (null at the end of the listing)
     * @param notes what the answer leaves out and why (a capped limit, a diff that could not say what goes)
     * @param diff against what is published for the source, when asked for ({@code diff=true})
     */
    public record Report(
            String sourceId,
            String kind,
            int offset,
            int limit,
            int listingPagesRead,
            int listed,
            boolean listingComplete,
            Integer nextOffset,
            int recordsTried,
            List<RecordReport> records,
            List<ErrorReport> errors,
            List<String> notes,
            DryRunDiff.Diff diff) {}

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

    @Inject
    DryRunDiff differ;

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
        return run(definition, 0, limit, false);
    }

    /**
     * @param offset how many listed records to pass over (paging through the listing: the answer's nextOffset)
     * @param diff compare with what is published for the source: the whole listing is then read (not the pages of
     *     records past it), so that what the listing no longer names can be told
     */
    public JsonNode run(SourceDefinition definition, int offset, int limit, boolean diff) {
        SourceSecrets secrets = sources.secretsForDryRun(definition);
        SourceConnector connector =
                Connectors.create(definition.connector(), definition.connector().baseUrl(), secrets::read);
        int most = config.harvest().dryRunMaxRecords();
        int records = Math.max(1, Math.min(limit, most));
        List<String> notes = new ArrayList<>();
        if (limit > most) {
            notes.add("limit " + limit + " capped to " + most + " (onewindow.harvest.dry-run-max-records): page on with"
                    + " offset");
        }
        List<ErrorReport> errors = new ArrayList<>();
        ErrorSink sink = ErrorSink.redacting(
                text -> secrets.mask(connector.redact(text)),
                (stage, url, recordId, message) ->
                        errors.add(new ErrorReport(stage.name().toLowerCase(Locale.ROOT), url, recordId, message)));
        FetchSession session = new FetchSession(
                definition.politeness().delayMillis(),
                config.dryRun().allowPrivateNetworks(),
                HOW_TO_ALLOW_PRIVATE_NETWORKS,
                secrets,
                () -> {});
        Instant deadline = Instant.now().plus(config.harvest().runTimeout());

        // one more than asked for: whether there are more records past this page of them
        ListingGatherer.Gathered gathered =
                gatherer.gather(connector, session, deadline, diff ? Integer.MAX_VALUE : offset + records + 1, sink);
        List<RecordRef> listed = gathered.records();
        List<RecordRef> tried =
                listed.subList(Math.min(offset, listed.size()), Math.min(offset + records, listed.size()));
        if (listed.isEmpty() && errors.isEmpty()) {
            sink.error(
                    Stage.GATHER,
                    connector.firstPage().url(),
                    null,
                    "the listing named no record on the " + gathered.pages() + " page(s) read: "
                            + connector.howRecordsAreFound() + " found nothing");
        } else if (offset > 0 && tried.isEmpty() && gathered.complete()) {
            notes.add("the listing names " + listed.size() + " records: nothing at offset " + offset);
        }
        List<RecordReport> reports = new ArrayList<>();
        List<DryRunDiff.Tried> triedRecords = new ArrayList<>();
        for (RecordRef ref : tried) {
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
                if (extracted.mapping().valid()) {
                    triedRecords.add(new DryRunDiff.Tried(
                            ref.sourceRecordId(), extracted.mapping().record()));
                }
            } catch (RecordFailure failure) {
                failure.reportTo(sink);
            }
        }
        boolean more = offset + records < listed.size();
        DryRunDiff.Diff compared = null;
        if (diff) {
            boolean wholeListing = gathered.complete()
                    && errors.stream().noneMatch(e -> e.stage().equals("gather"))
                    && connector.completeListing();
            compared = differ.compare(
                    definition.id(),
                    triedRecords,
                    listed.stream().map(RecordRef::sourceRecordId).toList(),
                    wholeListing,
                    config.harvest().withdrawAfterMisses());
        }
        Report report = new Report(
                definition.id(),
                definition.connector().kind(),
                offset,
                records,
                gathered.pages(),
                diff || !more ? listed.size() : Math.min(listed.size(), offset + records),
                gathered.complete() && (diff || !more),
                more ? offset + records : null,
                tried.size(),
                reports,
                errors,
                notes,
                compared);
        try {
            return json.readTree(secrets.mask(json.writeValueAsString(report)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dry-run report not serialisable", e);
        }
    }
}
