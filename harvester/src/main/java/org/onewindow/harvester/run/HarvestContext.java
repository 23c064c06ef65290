package org.onewindow.harvester.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import org.apache.camel.Exchange;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.fetch.FetchSession;
import org.onewindow.harvester.gather.ListingPages;
import org.onewindow.harvester.source.EffectiveSettings;
import org.onewindow.harvester.source.SourceSecrets;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.RunStatus;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * One run as its routes see it (the exchange property {@link #PROPERTY} of every exchange of the run): the source,
 * its connector and site session, the listing being read, the counts and errors so far, and what the run has seen.
 */
public final class HarvestContext {

    public static final String PROPERTY = "onewindow.run";

    private final long runId;
    private final SourceDefinition definition;
    private final String definitionHash;
    private final SourceConnector connector;
    private final SourceSecrets secrets;
    private final FetchSession session;
    private final ErrorSink errors;
    private final UnaryOperator<String> mask;
    private final EffectiveSettings settings;
    private final Instant deadline;
    private final long activeBefore;
    private final ListingPages listing;
    private final String onlyAuthority;
    private final RunCounts counts = new RunCounts();
    private final ProgressCadence progress = ProgressCadence.everyHalfSecond();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Queue<String> gone = new ConcurrentLinkedQueue<>();
    private volatile Map<String, RecordStore.Known> knownOnPage = Map.of();
    private volatile String stopped;
    private volatile boolean cancelled;
    private volatile RuntimeException broken;
    private volatile boolean listingComplete;
    private volatile RunStatus status;
    private volatile String message;
    private volatile boolean held;
    private volatile boolean allPublished = true;

    HarvestContext(
            long runId,
            SourceDefinition definition,
            String definitionHash,
            SourceConnector connector,
            SourceSecrets secrets,
            FetchSession session,
            ErrorSink errors,
            UnaryOperator<String> mask,
            EffectiveSettings settings,
            Instant deadline,
            long activeBefore,
            ListingPages listing,
            String onlyAuthority) {
        this.runId = runId;
        this.definition = definition;
        this.definitionHash = definitionHash;
        this.connector = connector;
        this.secrets = secrets;
        this.session = session;
        this.errors = errors;
        this.mask = mask;
        this.settings = settings;
        this.deadline = deadline;
        this.activeBefore = activeBefore;
        this.listing = listing;
        this.onlyAuthority = onlyAuthority;
    }

    /** The run an exchange belongs to. */
    public static HarvestContext of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, HarvestContext.class);
    }

    public long runId() {
        return runId;
    }

    public SourceDefinition definition() {
        return definition;
    }

    public String sourceId() {
        return definition.id();
    }

    /** The hash of the source's definition the run harvests with: a record read under another is read again. */
    public String definitionHash() {
        return definitionHash;
    }

    public SourceConnector connector() {
        return connector;
    }

    public SourceSecrets secrets() {
        return secrets;
    }

    public FetchSession session() {
        return session;
    }

    /** Where the stages report, secrets masked. */
    public ErrorSink errors() {
        return errors;
    }

    public String mask(String text) {
        return mask.apply(text);
    }

    /**
     * The agency code every record must name as its competent authority (a mapping an agency wrote, for a source not
     * allowed to publish for others); null when any may be named.
     */
    public String onlyAuthority() {
        return onlyAuthority;
    }

    /** The settings the run started with (a change meanwhile applies from the next run). */
    public EffectiveSettings settings() {
        return settings;
    }

    public Duration recordTimeout() {
        return settings.recordTimeout();
    }

    public Instant deadline() {
        return deadline;
    }

    /** Services of the source published when the run started. */
    public long activeBefore() {
        return activeBefore;
    }

    public ListingPages listing() {
        return listing;
    }

    public RunCounts counts() {
        return counts;
    }

    /** Whether the run should write its counts (and read whether it was cancelled) now. */
    boolean progressDue() {
        return progress.due();
    }

    /**
     * What the record of truth holds of the records of the listing page being read (by the source's ids; a record the
     * page names and this lacks is new), looked up for the whole page at once.
     */
    public void knownOnPage(Map<String, RecordStore.Known> known) {
        knownOnPage = known;
    }

    /** The stored record of a record of the current listing page, or null for a new one. */
    public RecordStore.Known knownOnPage(String sourceRecordId) {
        return knownOnPage.get(sourceRecordId);
    }

    /** The record was read and is what the source serves (changed or not): its withdrawal counters start afresh. */
    public void seen(String id) {
        seen.add(id);
    }

    public Collection<String> seenIds() {
        return seen;
    }

    /** The record's page answered 404/410: a step toward its withdrawal if the run may withdraw, known at its end. */
    public void gone(String id) {
        gone.add(id);
    }

    public Collection<String> goneIds() {
        return gone;
    }

    /** The run stops reading records: out of time ({@code reason}), or cancelled. */
    public void stop(String reason) {
        if (stopped == null) {
            stopped = reason;
        }
    }

    public void cancel() {
        cancelled = true;
        stop("cancelled by an operator: nothing was changed");
    }

    /** A record's route failed in a way no stage expected: the run stops, and fails when its listing ends. */
    public void broke(Exception cause) {
        if (broken == null) {
            broken = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        stop("run aborted: " + cause);
    }

    /** What broke the run, or null. */
    public RuntimeException brokenBy() {
        return broken;
    }

    public boolean stopped() {
        return stopped != null;
    }

    public String stoppedBecause() {
        return stopped;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Whether the run read its whole listing (settled after gathering). */
    public boolean listingComplete() {
        return listingComplete;
    }

    void listingComplete(boolean complete) {
        listingComplete = complete;
    }

    /** The run's verdict before applying: what it ends as if its changes are applied and published. */
    public RunStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    void conclude(RunStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    public boolean held() {
        return held;
    }

    public void hold() {
        held = true;
    }

    /** Some of the run's changes did not reach Elasticsearch (they stay queued). */
    public void notAllPublished() {
        allPublished = false;
    }

    public boolean allPublished() {
        return allPublished;
    }
}
